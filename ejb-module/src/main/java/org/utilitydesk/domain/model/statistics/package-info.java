/** Contact-center arithmetic over the nightly figures: rates, averages and Erlang C staffing. */
package org.utilitydesk.domain.model.statistics;
