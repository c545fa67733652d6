/**
 * Tables a learner reads: {@link org.visionbook.toolkit.table.Tables} turns rows of records into a
 * Tablesaw table, so a notebook states its rows instead of filling columns by hand.
 */
package org.visionbook.toolkit.table;
