/** Benchmarks run by hand against the demo instance (server-config/bin/benchmark-ivr); not part of the test suite. */
package org.utilitydesk.it.bench;
