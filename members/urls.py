from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("me/", views.edit_profile, name="edit"),
    path("me/data.json", views.download_data, name="data"),
    path("me/close/", views.close_account, name="close"),
    path("me/resume/", views.resume, name="resume"),
    path("<str:username>/", views.profile, name="profile"),
]
