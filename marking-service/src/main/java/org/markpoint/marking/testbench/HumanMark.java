package org.markpoint.marking.testbench;

/** One answer a human marked: its row in the upload (1-based, the header is row 0), the text, the human's mark. */
public record HumanMark(int row, String answer, int mark) {
}
