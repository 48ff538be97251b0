/**
 * The callback-surveys job (回访): samples the work orders closed on a day (every order of the always-surveyed
 * types, a random share of the rest) and surveys each once, by outbound IVR call or as a task for an agent.
 */
package org.utilitydesk.batch.surveys;
