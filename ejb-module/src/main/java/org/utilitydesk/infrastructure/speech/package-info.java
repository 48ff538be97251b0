/** Speech synthesis adapters: free text to telephone prompts. */
package org.utilitydesk.infrastructure.speech;
