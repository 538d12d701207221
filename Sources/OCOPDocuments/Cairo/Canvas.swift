import CCairoPango
import Foundation
import OCOPModels

/// Millimetres to points.
func mm(_ value: Double) -> Double { value * 72 / 25.4 }

/// A cairo context with the drawing operations the documents use, and the render's typesetter.
final class Canvas {
    let cr: OpaquePointer
    let type: Typesetter
    private var images: [String: OpaquePointer] = [:]

    init(surface: OpaquePointer, typesetter: Typesetter) {
        cr = cairo_create(surface)
        type = typesetter
    }

    deinit {
        for image in images.values { cairo_surface_destroy(image) }
        cairo_destroy(cr)
    }

    func scale(_ factor: Double) { cairo_scale(cr, factor, factor) }

    func setColor(_ color: RGBColor) {
        cairo_set_source_rgb(cr, Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255)
    }

    func line(from a: (Double, Double), to b: (Double, Double), width: Double, color: RGBColor = .black) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        cairo_move_to(cr, a.0, a.1)
        cairo_line_to(cr, b.0, b.1)
        cairo_stroke(cr)
    }

    /// A row of dots, for the blanks of a form.
    func dottedLine(from x0: Double, to x1: Double, y: Double, color: RGBColor = .black) {
        guard x1 - x0 > 2 else { return }
        setColor(color)
        cairo_save(cr)
        cairo_set_line_width(cr, 0.9)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        var dashes: [Double] = [0, 2.6]
        cairo_set_dash(cr, &dashes, 2, 0)
        cairo_move_to(cr, x0 + 0.5, y)
        cairo_line_to(cr, x1, y)
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    func strokeRect(x: Double, y: Double, width: Double, height: Double, lineWidth: Double, color: RGBColor = .black) {
        setColor(color)
        cairo_set_line_width(cr, lineWidth)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        cairo_rectangle(cr, x, y, width, height)
        cairo_stroke(cr)
    }

    func fillRect(x: Double, y: Double, width: Double, height: Double, color: RGBColor) {
        setColor(color)
        cairo_rectangle(cr, x, y, width, height)
        cairo_fill(cr)
    }

    /// A filled five-pointed star, point up, centred on (x, y).
    func star(x: Double, y: Double, radius: Double, fill: RGBColor, outline: RGBColor) {
        // Inner radius of a regular pentagram: R · sin 18° / sin 54°.
        let inner = radius * 0.381_966
        for k in 0..<10 {
            let r = k % 2 == 0 ? radius : inner
            let angle = -Double.pi / 2 + Double(k) * Double.pi / 5
            let px = x + r * cos(angle), py = y + r * sin(angle)
            if k == 0 { cairo_move_to(cr, px, py) } else { cairo_line_to(cr, px, py) }
        }
        cairo_close_path(cr)
        setColor(fill)
        cairo_fill_preserve(cr)
        setColor(outline)
        cairo_set_line_width(cr, 0.6)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        cairo_stroke(cr)
    }

    /// Loads a PNG once per render; a missing or broken file is an error naming the path.
    func image(_ path: String) throws -> OpaquePointer {
        if let cached = images[path] { return cached }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw DocumentError.artworkUnreadable(path: path, reason: "file not found")
        }
        guard let surface = cairo_image_surface_create_from_png(path) else {
            throw DocumentError.artworkUnreadable(path: path, reason: "cairo")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw DocumentError.artworkUnreadable(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
        images[path] = surface
        return surface
    }

    /// Draws the PNG at `path` inside the box, keeping its proportions, centred; returns the rectangle used.
    @discardableResult
    func drawImage(_ path: String, x: Double, y: Double, width: Double, height: Double) throws -> (x: Double, y: Double, width: Double, height: Double) {
        let surface = try image(path)
        let w = Double(cairo_image_surface_get_width(surface)), h = Double(cairo_image_surface_get_height(surface))
        guard w > 0, h > 0 else { throw DocumentError.artworkUnreadable(path: path, reason: "empty image") }
        let scale = min(width / w, height / h)
        let dw = w * scale, dh = h * scale
        let dx = x + (width - dw) / 2, dy = y + (height - dh) / 2
        cairo_save(cr)
        cairo_translate(cr, dx, dy)
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_paint(cr)
        cairo_restore(cr)
        return (dx, dy, dw, dh)
    }

    /// Shapes and draws `text` with its first line's top at `y`; returns the box.
    @discardableResult
    func text(_ runs: [Run], _ style: TextStyle, x: Double, y: Double, width: Double) throws -> TextBox {
        let box = try type.box(runs, style, width: width)
        box.draw(cr, x: x, y: y)
        return box
    }

    @discardableResult
    func text(_ text: String, _ style: TextStyle, x: Double, y: Double, width: Double) throws -> TextBox {
        try self.text([Run(text)], style, x: x, y: y, width: width)
    }

    func checkStatus() throws {
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else { throw DocumentError.renderingFailed(String(cString: cairo_status_to_string(status))) }
    }
}

/// Ends the current page of a multi-page surface.
func cairoShowPage(_ canvas: Canvas) { cairo_show_page(canvas.cr) }
