from django.urls import path

from facts import views

app_name = "facts"

urlpatterns = [
    path("facts/", views.fact_list, name="list"),
    path("facts/changes/", views.changes, name="changes"),
    path("facts/statuses/", views.statuses, name="statuses"),
    path("facts/<slug:slug>/", views.fact_detail, name="detail"),
    path("facts/<slug:slug>/suggest/", views.suggest, name="suggest"),
    path("faq/", views.faq, name="faq"),
]
