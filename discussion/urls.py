from django.urls import path

from discussion import views

app_name = "discussion"

urlpatterns = [
    path("", views.latest, name="latest"),
    path("<str:kind>/<slug:slug>/post/", views.post, name="post"),
    path("comments/<int:pk>/edit/", views.edit, name="edit"),
    path("comments/<int:pk>/delete/", views.delete, name="delete"),
    path("comments/<int:pk>/report/", views.report, name="report"),
    path("unfollow/<str:token>/", views.unfollow, name="unfollow"),
]
