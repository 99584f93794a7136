"""Members' reflections on an evening: the form the morning email leads to, and reports."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from core.throttle import throttled
from members.verification import confirmed_email_required
from screenings import services
from screenings.forms import ReflectionForm, ReflectionReportForm
from screenings.models import REFLECTION_EDIT_WINDOW, Reflection, ReflectionStatus, Screening

EDIT_NOTE = f"You can change it for {REFLECTION_EDIT_WINDOW.days} days after writing it."


@confirmed_email_required(offer="Publish my reflection")
@throttled("reflection")
def reflect(request: HttpRequest, slug: str) -> HttpResponse:
    screening = get_object_or_404(Screening.objects.select_related("venue"), slug=slug)
    mine = Reflection.objects.filter(screening=screening, member=request.user).first()
    refusal = services.why_not_reflect(request.user, screening)
    if not refusal and mine and not mine.can_edit(request.user):
        hidden = mine.status == ReflectionStatus.HIDDEN
        refusal = "A moderator has hidden your reflection." if hidden else "Your reflection can no longer be changed."
    if refusal:
        messages.error(request, refusal)
        return redirect(screening)
    form = ReflectionForm(request.POST or None, instance=mine)
    if request.method == "POST" and form.is_valid():
        try:
            reflection = services.write_reflection(
                member=request.user, screening=screening, ratings=form.ratings, noticed=form.cleaned_data["noticed"]
            )
        except services.ReflectionRefused as refused:
            messages.error(request, str(refused))
            return redirect(screening)
        messages.success(request, f"Thank you: your reflection is on the screening's page. {EDIT_NOTE}")
        return redirect(reflection)
    context = {"screening": screening, "form": form, "mine": mine, "edit_note": EDIT_NOTE}
    return render(request, "screenings/reflect.html", context, status=400 if form.errors else 200)


@confirmed_email_required(offer="Send report")
@throttled("report")
def report(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    reflection = get_object_or_404(
        Reflection.objects.published().select_related("screening", "member"), pk=pk, screening__slug=slug
    )
    if reflection.member_id == request.user.pk:
        messages.error(request, services.reflections.OWN_REFLECTION_NOTE)
        return redirect(reflection)
    form = ReflectionReportForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if form.errors else 200
        return render(request, "screenings/report.html", {"form": form, "reflection": reflection}, status=status)
    try:
        created = services.report_reflection(reflection=reflection, reporter=request.user, **form.cleaned_data)
    except services.ReflectionRefused as refused:
        messages.error(request, str(refused))
    else:
        if created:
            messages.success(request, "Thank you. A moderator will look at it.")
        else:
            messages.info(request, "You have already reported this reflection.")
    return redirect(reflection)
