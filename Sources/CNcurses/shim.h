/*
 * CNcurses: the C bridge to ncursesw for TerminalUI's backend.
 *
 * Swift 6 cannot import function-like macros, and it rejects the mutable C
 * globals (stdscr, LINES, COLS, stdin, stdout) as "not concurrency-safe", so
 * each is wrapped here in a tiny static inline function. Nothing else in the
 * project should include this header: TerminalUI/Backend/NcursesTerminal.swift
 * is the only importer.
 */
#ifndef WEFT_CNCURSES_SHIM_H
#define WEFT_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, which hides the wide API
 * (get_wch, add_wch, cchar_t); these two defines bring it back. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <string.h>
#include <ncurses.h>

/* wcwidth is declared by <wchar.h> only under _XOPEN_SOURCE, which the Glibc
 * module is not built with. */
extern int wcwidth(wchar_t c);

/* MARK: attributes (macros in curses.h) */

static inline attr_t weft_attr_normal(void) { return A_NORMAL; }
static inline attr_t weft_attr_bold(void) { return A_BOLD; }
static inline attr_t weft_attr_reverse(void) { return A_REVERSE; }
static inline attr_t weft_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t weft_attr_dim(void) { return A_DIM; }
static inline attr_t weft_attr_italic(void) { return A_ITALIC; }

/* MARK: globals that Swift 6 refuses to touch directly */

static inline WINDOW *weft_stdscr(void) { return stdscr; }
static inline int weft_lines(void) { return LINES; }
static inline int weft_cols(void) { return COLS; }
static inline FILE *weft_stdin(void) { return stdin; }
static inline FILE *weft_stdout(void) { return stdout; }
static inline int weft_color_pairs(void) { return COLOR_PAIRS; }
static inline int weft_colors(void) { return COLORS; }

/* MARK: function-like macros */

static inline void weft_getmaxyx(WINDOW *win, int *y, int *x) {
    int my = 0, mx = 0;
    getmaxyx(win, my, mx);
    *y = my;
    *x = mx;
}

static inline int weft_key_f(int n) { return KEY_F(n); }

/* Mouse masks are plain constants, but some are built from macros. */
static inline mmask_t weft_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t weft_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t weft_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t weft_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t weft_button5_pressed(void) { return BUTTON5_PRESSED; }

/* MARK: locale */

/* 1 when the current LC_CTYPE uses UTF-8, which ncursesw needs to decode
 * input and measure characters. */
static inline int weft_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0;
}

/* MARK: drawing */

/* Draws one cell at (y, x): a base character followed by up to four
 * combining marks, with attributes and a color pair. Returns OK or ERR.
 * `count` is clamped to CCHARW_MAX; setcchar itself stops at the first
 * spacing character after the base. */
static inline int weft_draw_cell(int y, int x, const wchar_t *text, int count,
                                 attr_t attrs, short pair) {
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < 0 ? 0 : (count > CCHARW_MAX ? CCHARW_MAX : count);
    for (int i = 0; i < n; i++) buffer[i] = text[i];
    buffer[n] = L'\0';
    if (n == 0) {
        buffer[0] = L' ';
        buffer[1] = L'\0';
    }
    cchar_t cell;
    if (setcchar(&cell, buffer, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

#endif /* WEFT_CNCURSES_SHIM_H */
