/** Long-lived launchers for the embedded runtime pieces the start and test scripts run (MariaDB). */
package org.utilitydesk.launcher;
