// Renderers: plans, apply reports and diagnostics as text, JSON and Markdown.
enum RenderingNamespace {}
