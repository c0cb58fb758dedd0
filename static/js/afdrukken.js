/* "Afdrukken" buttons: the browser's print dialog (a static file, as the CSP allows no inline handlers). */
document.querySelectorAll("[data-afdrukken]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
