from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("me/", views.edit_profile, name="edit"),
    path("<str:username>/", views.profile, name="profile"),
]
