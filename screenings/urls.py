from django.urls import path

from screenings import views

app_name = "screenings"

urlpatterns = [
    path("", views.screening_list, name="list"),
    path("past/", views.past_list, name="past"),
    path("mine/", views.my_screenings, name="mine"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path("<slug:slug>/", views.screening_detail, name="detail"),
    path("<slug:slug>/rsvp/", views.rsvp, name="rsvp"),
    path("<slug:slug>/cancel/", views.cancel, name="cancel"),
    path("<slug:slug>/calendar.ics", views.screening_ics, name="ics"),
]
