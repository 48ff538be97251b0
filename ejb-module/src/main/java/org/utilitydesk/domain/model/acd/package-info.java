/**
 * Automatic call distribution (排队分配): agents with skills and states, calls waiting for a skill, and the
 * router that pairs them — best proficiency first, longest idle among equals, requirements relaxing as a
 * call waits. The routing state sits behind {@link org.utilitydesk.domain.model.acd.Router} so a
 * clustered store can replace the in-memory one.
 */
package org.utilitydesk.domain.model.acd;
