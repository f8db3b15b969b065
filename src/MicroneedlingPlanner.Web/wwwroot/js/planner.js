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
    print() { window.print(); }
};

// The menu is worked here rather than over the circuit, so it behaves the same on the static
// account pages, which have none. Each page starts from the CSS default for its width.
(() => {
    // The breakpoint in app.css where the menu stops covering the page.
    const wide = window.matchMedia("(min-width: 960px)");
    const parts = () => ({ root: document.querySelector("[data-menu-root]"), toggle: document.querySelector("[data-menu-toggle]") });
    const isOpen = root => root.classList.contains("menu-open") || (!root.classList.contains("menu-closed") && wide.matches);

    function show(open) {
        const { root, toggle } = parts();
        if (!root || !toggle) { return; }
        root.classList.toggle("menu-open", open);
        root.classList.toggle("menu-closed", !open);
        toggle.setAttribute("aria-expanded", String(open));
    }

    // Back to the default for the width: a menu opened on a phone should not cover a page turned wide, and the reverse.
    function reset() {
        const { root, toggle } = parts();
        if (!root || !toggle) { return; }
        root.classList.remove("menu-open", "menu-closed");
        toggle.setAttribute("aria-expanded", String(wide.matches));
    }

    document.addEventListener("click", event => {
        const { root } = parts();
        if (!root) { return; }
        if (event.target.closest("[data-menu-toggle]")) {
            show(!isOpen(root));
        } else if (event.target.closest("#app-drawer a") && !wide.matches) {
            // On a phone the open menu covers the page, so choosing a page closes it.
            show(false);
        }
    });

    document.addEventListener("keydown", event => {
        const { root, toggle } = parts();
        if (event.key === "Escape" && root && !wide.matches && isOpen(root)) {
            show(false);
            toggle.focus();
        }
    });

    wide.addEventListener("change", reset);
    window.planner.resetMenu = reset;
    reset();
    if (window.Blazor) { window.Blazor.addEventListener("enhancedload", reset); }
})();

// The account pages' forms that concern "the answers you have not sent yet" carry the draft token
// in their body, filled in here as they are sent: the token lives only in this browser's storage,
// and the static pages have no circuit to ask for it.
document.addEventListener("submit", event => {
    for (const field of event.target.querySelectorAll("input[data-draft-token]")) {
        field.value = window.planner.getDraftToken() ?? "";
    }
}, true);
