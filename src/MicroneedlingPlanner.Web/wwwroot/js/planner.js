// Small browser helpers the Blazor pages call. The draft token stays in this browser only:
// never in a URL, a cookie or a log.
window.planner = {
    draftKey: "microneedling-planner.draft",
    getDraftToken() {
        try { return localStorage.getItem(this.draftKey); } catch { return null; }
    },
    setDraftToken(token) {
        try { localStorage.setItem(this.draftKey, token); return true; } catch { return false; }
    },
    clearDraftToken() {
        try { localStorage.removeItem(this.draftKey); } catch { /* storage unavailable: nothing to clear */ }
    },
    focus(selector) {
        // A question's fieldset cannot take focus: its first answer does.
        const element = document.querySelector(selector);
        const target = element && element.matches("fieldset") ? element.querySelector("input") : element;
        if (target) { target.focus(); }
    },
    download(fileName, contentType, text) {
        const url = URL.createObjectURL(new Blob([text], { type: contentType }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    print() { window.print(); },
    // Matches the 960 px breakpoint in app.css where the menu stops covering the page.
    isWideScreen() { return window.matchMedia("(min-width: 960px)").matches; }
};

// The static account pages have no circuit to toggle the menu, so this does it there, with the
// same classes the layout sets on live pages. Live pages handle the click themselves.
document.addEventListener("click", event => {
    const toggle = event.target.closest("[data-menu-toggle]");
    if (!toggle || document.querySelector("main[data-interactive='yes']")) { return; }
    const root = toggle.closest("[data-menu-root]");
    const open = root.classList.contains("menu-open") || (!root.classList.contains("menu-closed") && window.planner.isWideScreen());
    root.classList.toggle("menu-open", !open);
    root.classList.toggle("menu-closed", open);
    toggle.setAttribute("aria-expanded", String(!open));
});

// Until the menu is first toggled its state is the CSS default for the screen width; say so to screen readers.
function describeMenuToggle() {
    const toggle = document.querySelector("[data-menu-toggle]");
    if (toggle && !toggle.hasAttribute("aria-expanded")) {
        toggle.setAttribute("aria-expanded", String(window.planner.isWideScreen()));
    }
}
describeMenuToggle();
if (window.Blazor) { window.Blazor.addEventListener("enhancedload", describeMenuToggle); }
