/**
 * The IVR as data and as speech: the menu tree (nodes, the keys that lead between them, retries and
 * fall-backs), the prompts the application plays, and how numbers, money, dates and times are read aloud in
 * Mandarin and English from those prompts.
 */
package org.utilitydesk.domain.model.ivr;
