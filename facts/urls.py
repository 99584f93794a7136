from django.urls import path

from facts import views

app_name = "facts"

urlpatterns = [
    path("facts/", views.fact_list, name="list"),
    path("facts/<slug:slug>/", views.fact_detail, name="detail"),
    path("faq/", views.faq, name="faq"),
]
