#!/usr/bin/env bash
# Document benchmark: certificate pages on one core (release build), a batch of 1,000
# certificates in one PDF with its peak memory, and as the reference a bare cairo + pango page
# with the same text and QR code (a small C program, no layout engine).
#
#   scripts/bench-documents.sh [pages]      # default 1000
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
WORK=$(mktemp -d /tmp/ocop-bench-documents.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# The benchmark package finds the workbench through a link named "ocop" (see Benchmarks/Package.swift).
ln -s "$(pwd)" "$WORK/ocop"
export OCOP_PACKAGE_ROOT="$WORK/ocop"
cd Benchmarks
PIN=()
command -v taskset >/dev/null && PIN=(taskset -c 0)

swift build -c release --scratch-path .build --product DocumentBenchmark 2>&1 | tail -1
BIN="$(swift build -c release --scratch-path .build --show-bin-path)/DocumentBenchmark"

echo "== OCOPDocuments (Swift, release, one core)"
"${PIN[@]}" "$BIN" single 200
/usr/bin/time -v "${PIN[@]}" "$BIN" batch "$N" "$WORK/batch.pdf" 2> "$WORK/time.txt"
grep -E 'Maximum resident set size|Elapsed' "$WORK/time.txt" | sed 's/^\s*/  /'
echo "  pages: $(pdfinfo "$WORK/batch.pdf" | awk '/^Pages:/ {print $2}')"

echo "== Reference: bare cairo + pango + qrencode (C, -O2, one core)"
cat > "$WORK/reference.c" <<'C'
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length) {
    *(size_t *)closure += length;
    return CAIRO_STATUS_SUCCESS;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void text(cairo_t *cr, PangoLayout *layout, const char *font, const char *s, double x, double y, double width,
                 PangoAlignment alignment) {
    PangoFontDescription *d = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, d);
    pango_font_description_free(d);
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_alignment(layout, alignment);
    pango_layout_set_text(layout, s, -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
}

/* The certificate's text, frame, stars and QR code at fixed positions. */
static void page(cairo_t *cr, PangoLayout *l, int i) {
    const double mm = 72 / 25.4, W = 595.276, H = 841.89, L = 22 * mm, CW = W - 44 * mm;
    cairo_set_source_rgb(cr, 0.09, 0.37, 0.22);
    cairo_set_line_width(cr, 2.4); cairo_rectangle(cr, 10 * mm, 10 * mm, W - 20 * mm, H - 20 * mm); cairo_stroke(cr);
    cairo_set_line_width(cr, 0.8); cairo_rectangle(cr, 12.5 * mm, 12.5 * mm, W - 25 * mm, H - 25 * mm); cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, l, "Liberation Serif Bold 13", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", L, 50, CW, PANGO_ALIGN_CENTER);
    text(cr, l, "Liberation Serif Bold 14", "Độc lập - Tự do - Hạnh phúc", L, 66, CW, PANGO_ALIGN_CENTER);
    text(cr, l, "Liberation Serif Bold 14", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", L, 110, CW, PANGO_ALIGN_CENTER);
    cairo_set_source_rgb(cr, 0.75, 0, 0);
    text(cr, l, "Liberation Serif Bold 30", "GIẤY CHỨNG NHẬN", L, 180, CW, PANGO_ALIGN_CENTER);
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, l, "Liberation Serif Bold 18", "SẢN PHẨM OCOP", L, 220, CW, PANGO_ALIGN_CENTER);
    for (int s = 0; s < 4; s++) {
        double cx = W / 2 - 1.5 * 16 * mm + s * 16 * mm, cy = 290, r = 6.5 * mm;
        for (int k = 0; k < 10; k++) {
            double rr = k % 2 ? r * 0.381966 : r, a = -G_PI / 2 + k * G_PI / 5;
            if (k == 0) cairo_move_to(cr, cx + rr * cos(a), cy + rr * sin(a)); else cairo_line_to(cr, cx + rr * cos(a), cy + rr * sin(a));
        }
        cairo_close_path(cr); cairo_set_source_rgb(cr, 0.91, 0.69, 0); cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, l, "Liberation Serif Bold 16", "SẢN PHẨM: MẬT ONG HOA NHÃN LỤC NGẠN", L + 17, 340, CW, PANGO_ALIGN_LEFT);
    text(cr, l, "Liberation Serif 14", "Mã số sản phẩm: 24-07291-0001-2026", L + 17, 362, CW, PANGO_ALIGN_LEFT);
    text(cr, l, "Liberation Serif 14", "Bộ sản phẩm: 4. Mật ong, mật khác và nông sản thực phẩm khác", L + 17, 380, CW, PANGO_ALIGN_LEFT);
    text(cr, l, "Liberation Serif 14", "Chủ thể OCOP: Hợp tác xã Nông nghiệp Quý Sơn", L + 17, 398, CW, PANGO_ALIGN_LEFT);
    text(cr, l, "Liberation Serif 14", "Địa chỉ: Thôn Phú Thọ, xã Lục Ngạn, tỉnh Bắc Ninh", L + 17, 416, CW, PANGO_ALIGN_LEFT);
    text(cr, l, "Liberation Serif 14", "Đã tham gia đánh giá, phân hạng sản phẩm\nChương trình Mỗi xã một sản phẩm (OCOP) năm 2026, đợt 1", L, 460, CW, PANGO_ALIGN_CENTER);
    text(cr, l, "Liberation Serif Bold 17", "Đạt hạng sản phẩm: 4 sao", L, 510, CW, PANGO_ALIGN_CENTER);
    text(cr, l, "Liberation Serif 13", "Điểm đánh giá: 78,43/100", L, 535, CW, PANGO_ALIGN_CENTER);
    text(cr, l, "Liberation Serif Italic 14", "Bắc Ninh, ngày 05 tháng 8 năm 2026", L + 0.46 * CW, 620, 0.54 * CW, PANGO_ALIGN_CENTER);
    text(cr, l, "Liberation Serif Bold 14", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", L + 0.46 * CW, 640, 0.54 * CW, PANGO_ALIGN_CENTER);
    text(cr, l, "Liberation Serif Bold 14", "Nguyễn Văn Hùng", L + 0.46 * CW, 750, 0.54 * CW, PANGO_ALIGN_CENTER);
    text(cr, l, "Liberation Serif 8", "Quét mã để kiểm tra tại ocop.bacninh.gov.vn", L, 716, 50 * mm, PANGO_ALIGN_LEFT);
    text(cr, l, "Liberation Serif Italic 12", "Quyết định số: 125/QĐ-UBND\nNgày 05 tháng 8 năm 2026\nCó giá trị đến ngày 05/08/2029\nSố giấy chứng nhận: 24-2026-0001",
         L, 735, 0.46 * CW, PANGO_ALIGN_LEFT);
    char payload[600] = "OC1:";
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    unsigned long long state = (unsigned long long)i + 24;
    for (int k = 0; k < 497; k++) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        payload[4 + k] = alphabet[(state >> 33) % 45];
    }
    payload[501] = 0;
    /* The QR code as the renderer draws it: one stroke per horizontal run of dark modules, on a half-point grid. */
    QRcode *q = QRcode_encodeString(payload, 0, QR_ECLEVEL_Q, QR_MODE_8, 1);
    double m = ceil(32 * mm / (q->width + 8) * 2) / 2, qx = round(L);
    for (int y = 0; y < q->width; y++)
        for (int x = 0; x < q->width;) {
            if (!(q->data[y * q->width + x] & 1)) { x++; continue; }
            int start = x;
            while (x < q->width && (q->data[y * q->width + x] & 1)) x++;
            cairo_move_to(cr, qx + (start + 4) * m, 620 + (y + 4.5) * m);
            cairo_line_to(cr, qx + (x + 4) * m, 620 + (y + 4.5) * m);
        }
    cairo_set_line_width(cr, m);
    cairo_stroke(cr);
    QRcode_free(q);
    cairo_show_page(cr);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    PangoFontMap *map = pango_cairo_font_map_new();
    PangoContext *context = pango_font_map_create_context(map);
    pango_cairo_context_set_resolution(context, 72);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    PangoLayout *layout = pango_layout_new(context);
    /* One-page PDFs. */
    size_t bytes = 0;
    for (int warm = 0; warm < 2; warm++) {
        int pages = warm ? 200 : 5;
        double start = now();
        for (int i = 0; i < pages; i++) {
            cairo_surface_t *s = cairo_pdf_surface_create_for_stream(discard, &bytes, 595.276, 841.89);
            cairo_t *cr = cairo_create(s);
            page(cr, layout, i);
            cairo_destroy(cr);
            cairo_surface_destroy(s);
        }
        if (warm) printf("single: %d one-page PDFs; per page mean %.2f ms\n", pages, (now() - start) * 1000 / pages);
    }
    /* One PDF of n pages. */
    bytes = 0;
    double start = now();
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(discard, &bytes, 595.276, 841.89);
    cairo_t *cr = cairo_create(s);
    for (int i = 0; i < n; i++) page(cr, layout, i);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    double t = now() - start;
    printf("batch: %d pages in one PDF in %.2f s (%.2f ms per page); %.1f MB\n", n, t, t * 1000 / n, bytes / 1048576.0);
    g_object_unref(layout);
    g_object_unref(context);
    g_object_unref(map);
    return 0;
}
C
gcc -O2 -o "$WORK/reference" "$WORK/reference.c" $(pkg-config --cflags --libs pangocairo libqrencode) -lm
/usr/bin/time -v "${PIN[@]}" "$WORK/reference" "$N" 2> "$WORK/time-ref.txt"
grep -E 'Maximum resident set size|Elapsed' "$WORK/time-ref.txt" | sed 's/^\s*/  /'
