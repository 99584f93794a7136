// PurgeCSS for `make css`: keeps only the selectors that something the site renders can name. That is the
// templates, the Python that sets classes (forms, crispy layouts, widgets), and the templates of the
// packages that render our pages' forms and account pages; PYTHON_PACKAGES lists those package folders.
const packages = (process.env.PYTHON_PACKAGES || "").split(" ").filter(Boolean);

module.exports = {
  content: [
    "templates/**/*.{html,svg,txt}",
    "{core,cranesclub,discussion,facts,home,members,outbox,pagecache,screenings}/**/*.py",
    ...packages.flatMap((folder) => [`${folder}/**/*.html`, `${folder}/**/*.py`]),
  ],
  css: ["build/full/site.css"],
  output: "build/static/css/",
  variables: true,
  keyframes: true,
  fontFace: true,
  // Classes a template puts together from a value: alert-{{ message.tags }}, status-{{ status }}.
  safelist: { standard: [/^alert-(debug|info|success|warning|danger)$/, /^status-/] },
};
