from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.images import IMAGE_VALIDATORS
from facts import search
from pagecache import PageRetiringQuerySet


class CategoryQuerySet(PageRetiringQuerySet):
    def with_published_counts(self):
        return self.annotate(published_count=Count("facts", filter=Q(facts__published=True)))


class Category(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('facts:list')}?category={self.slug}"


class Status(models.TextChoices):
    """The statuses a fact's claim can have; RUBRIC says when each applies (the admin's help text and the
    public statuses page show it, and docs/curating.md's table says the same with EXAMPLES)."""

    VERIFIED = "verified", "Verified"
    DISPUTED = "disputed", "Disputed"
    UNVERIFIED = "unverified", "Unverified"
    REFUTED = "refuted", "Refuted"
    OPINION = "opinion", "Opinion"


RUBRIC = {
    Status.VERIFIED: "a source the fact cites, with a link, states the claim as the site words it: a primary "
    "record (the festival's palmarès, the credits), a reference work, or a named critic or scholar",
    Status.DISPUTED: "the sources disagree, or the claim is partly right and partly wrong; What the sources say, "
    "on the fact's page, tells which part",
    Status.UNVERIFIED: "a checkable claim that no cited source settles yet",
    Status.REFUTED: "the sources show the claim is wrong; What the sources say, on the fact's page, tells what "
    "is right",
    Status.OPINION: "a matter of taste or interpretation, not a checkable fact (a masterpiece, timeless, moving)",
}
# One fact of each status, shown beside its rule on the statuses page (docs/curating.md names the same ones).
EXAMPLES = {
    Status.VERIFIED: "palme-dor-winner",
    Status.DISPUTED: "based-on-a-play",
    Status.UNVERIFIED: "iconic-poster",
    Status.REFUTED: "award-winning-performances",
    Status.OPINION: "symbolism-of-cranes",
}


class FactQuerySet(PageRetiringQuerySet):
    def published(self):
        return self.filter(published=True)

    def visible(self):
        """What a visitor may open (the discussion's target protocol)."""
        return self.published()

    def featured(self):
        return self.filter(featured=True)

    def search(self, query: str):
        """Facts whose title, summary or body hold every word of `query`, whatever the accents, the case, or the
        spelling of a name the catalogue lists (facts.search)."""
        words = [folded for word in query.split()[:8] if (folded := search.fold(word))]
        if not words:  # punctuation alone: no word to look for, so nothing found
            return self.none()
        return self.filter(*(Q(search_text__contains=word) for word in words))

    def before(self, fact: "Fact"):
        earlier = Q(position__lt=fact.position) | Q(position=fact.position, pk__lt=fact.pk)
        return self.filter(earlier).order_by("-position", "-pk")

    def after(self, fact: "Fact"):
        later = Q(position__gt=fact.position) | Q(position=fact.position, pk__gt=fact.pk)
        return self.filter(later).order_by("position", "pk")

    def related_to(self, fact: "Fact"):
        return self.filter(category=fact.category_id).exclude(pk=fact.pk)

    def around(self, fact: "Fact", *, related: int = 3) -> "Around":
        """The previous and next fact and a few of the same category, fetched in one query."""
        wanted = (
            Q(pk__in=self.before(fact).values("pk")[:1])
            | Q(pk__in=self.after(fact).values("pk")[:1])
            | Q(pk__in=self.related_to(fact).values("pk")[:related])
        )
        found = list(self.filter(wanted).order_by("position", "pk"))
        earlier = [f for f in found if (f.position, f.pk) < (fact.position, fact.pk)]
        later = [f for f in found if (f.position, f.pk) > (fact.position, fact.pk)]
        same_category = [f for f in found if f.category_id == fact.category_id][:related]
        return Around(earlier[-1] if earlier else None, later[0] if later else None, same_category)

    def for_list(self):
        return self.select_related("category").defer("body", "claim", "status_note", "search_text")

    def for_rubric(self):
        """What the statuses page needs of every published fact: its status, and enough to show it as an example."""
        return self.published().only("slug", "title", "status", "claim", "status_note", "position")


@dataclass
class Around:
    previous: "Fact | None"
    next: "Fact | None"
    related: list["Fact"]


class Fact(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField(help_text="One or two sentences shown in the catalogue.")
    body = models.TextField(help_text="The full text. Blank lines separate paragraphs.")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="facts")
    position = models.PositiveIntegerField(default=0, db_index=True)
    published = models.BooleanField(default=True)
    featured = models.BooleanField(default=False, help_text="Shown on the home page.")
    spoiler = models.BooleanField(default=False, help_text="Reveals the plot; shown collapsed.")
    claim = models.TextField(blank=True, help_text="What the article claimed, in the site's words.")
    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.UNVERIFIED,
        help_text="; ".join(f"{Status(status).label}: {rule}" for status, rule in RUBRIC.items()) + ".",
    )
    status_note = models.TextField(blank=True, help_text="The curator's note on what the sources say.")
    last_checked = models.DateField(
        null=True, blank=True, help_text="When a curator last rechecked the sources; shown on the fact's page."
    )
    image = models.ImageField(upload_to="facts/", blank=True, validators=IMAGE_VALIDATORS)
    image_alt = models.CharField(max_length=200, blank=True, help_text="Describe the image for screen readers.")
    image_credit = models.CharField(max_length=200, blank=True)
    image_licence = models.CharField(max_length=100, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # Title, summary and body as search reads them: folded on every save (facts.search).
    search_text = models.TextField(blank=True, editable=False)

    objects = FactQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated", "search_text"])

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["published", "position"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, change_note: str = "", credit=None, **kwargs):
        """Save, and tell readers (the public Changes list) when the status changed or `change_note`
        describes a correction; `credit` is the member whose suggestion it was."""
        before = Fact.objects.filter(pk=self.pk).values_list("status", flat=True).first() if self.pk else None
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & set(search.SEARCHED):
            self.search_text = search.search_text(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)
        if before and before != self.status:
            Change.objects.create(
                fact=self,
                kind=Change.Kind.STATUS,
                old_status=before,
                new_status=self.status,
                note=change_note,
                credit=credit,
            )
        elif change_note:
            Change.objects.create(fact=self, kind=Change.Kind.CORRECTION, note=change_note, credit=credit)

    def get_absolute_url(self) -> str:
        return reverse("facts:detail", kwargs={"slug": self.slug})

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


class SourceQuerySet(PageRetiringQuerySet):
    """Sources by what the link checker (`manage.py check_sources`) last found at their address."""

    def linked(self):
        return self.exclude(url="")

    def printed(self):
        """Sources with no link that say where they were printed: known, with nothing to check."""
        return self.filter(url="").exclude(printed="")

    def unplaced(self):
        """Sources with neither a link nor where they were printed: a reader cannot find them."""
        return self.filter(url="", printed="")

    def unchecked(self):
        return self.linked().filter(link_checked_at=None)

    def dead(self):
        return self.linked().exclude(link_checked_at=None).exclude(link_problem="")

    def working(self):
        return self.linked().exclude(link_checked_at=None).filter(link_problem="")


class Source(models.Model):
    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    printed = models.CharField(
        "printed in",
        max_length=300,
        blank=True,
        help_text="For a source with no link: where it was printed (publication, date, page).",
    )
    date = models.DateField(null=True, blank=True)
    quote = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    # Written by `manage.py check_sources`, not by curators.
    link_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    link_alive_at = models.DateTimeField(null=True, blank=True, editable=False, help_text="When the link last worked.")
    link_problem = models.CharField(max_length=200, blank=True, editable=False)

    objects = SourceQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["link_checked_at", "link_alive_at", "link_problem"])

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if not self.url and not self.printed:
            raise ValidationError(
                "Give the source's link or, for a source in print only, where it was printed (publication, date, page)."
            )


class FaqQuerySet(PageRetiringQuerySet):
    def published(self):
        return self.filter(published=True)


class FaqEntry(models.Model):
    question = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True, help_text="The anchor: /faq/#slug")
    answer = models.TextField(help_text="Blank lines separate paragraphs.")
    facts = models.ManyToManyField(Fact, blank=True, related_name="faq_entries", help_text="Facts the answer rests on.")
    position = models.PositiveIntegerField(default=0)
    published = models.BooleanField(default=True)

    objects = FaqQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[facts])

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return f"{reverse('facts:faq')}#{self.slug}"

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.answer.split("\n\n") if p.strip()]


class Text(models.Model):
    """A passage of the site's own text that is content rather than layout (the home page's synopsis), kept
    in the catalogue file like the facts and edited by curators in the admin. Pages name it by its slug."""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=200, help_text="What the text is and where it is shown.")
    text = models.TextField(help_text="Blank lines separate paragraphs.")

    objects = PageRetiringQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = "page text"

    def __str__(self) -> str:
        return self.title

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.split("\n\n") if p.strip()]


class SeedRecord(models.Model):
    """A record the catalogue loader has made or found once (it is not made again once a curator removes it),
    with the fingerprint of its content as last loaded: a record that no longer matches it was edited by a
    curator, and a deploy leaves it alone (facts.catalogue)."""

    model = models.CharField(max_length=40)
    slug = models.SlugField(max_length=200)
    first_loaded = models.DateTimeField(auto_now_add=True)
    fingerprint = models.CharField(max_length=64, blank=True, help_text="Blank: not known to be as loaded.")
    note = models.TextField(blank=True, help_text="The note for readers its last update from the file published.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["model", "slug"], name="one_seed_record_per_slug")]

    def __str__(self) -> str:
        return f"{self.model} {self.slug}"


class ChangeQuerySet(PageRetiringQuerySet):
    def published(self):
        return self.filter(fact__published=True).select_related("fact", "credit")


class Change(models.Model):
    """What readers are told changed about a fact: its status, or a correction, with a note."""

    class Kind(models.TextChoices):
        STATUS = "status", "Status changed"
        CORRECTION = "correction", "Correction"

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    date = models.DateTimeField(default=timezone.now, db_index=True)
    old_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    new_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    note = models.TextField(blank=True, help_text="Shown to readers: what changed, and why.")
    credit = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member whose suggestion it was.",
    )

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.fact}: {self.get_kind_display().lower()} ({self.date:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return f"{self.fact.get_absolute_url()}#change-{self.pk}"


class SuggestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state=Suggestion.State.OPEN)


class Suggestion(models.Model):
    """A member's proposed correction to a fact, waiting in the curators' queue."""

    class State(models.TextChoices):
        OPEN = "open", "Open"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="suggestions")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fact_suggestions")
    problem = models.TextField("what is wrong", max_length=2000)
    proposal = models.TextField("proposed wording", max_length=4000)
    sources = models.TextField(max_length=2000, help_text="One web address a line.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN, db_index=True)
    reason = models.TextField(blank=True, help_text="Why it was rejected; the member is told.")
    created = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="rejected") | ~models.Q(reason=""),
                name="a_rejected_suggestion_says_why",
            ),
            models.CheckConstraint(
                condition=models.Q(state="open") | models.Q(decided_at__isnull=False),
                name="a_decided_suggestion_says_when",
            ),
        ]

    def __str__(self) -> str:
        return f"Suggestion on {self.fact} by {self.member}"

    @property
    def source_list(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]
