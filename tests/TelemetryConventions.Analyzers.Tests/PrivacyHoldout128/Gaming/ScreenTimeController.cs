namespace PrivacyHoldout128.Gaming;

public sealed record ScreenTimeForm(int DailyMinutes, string MaxAgeRating, bool PurchaseApproval, IReadOnlyList<string> BlockedCategories);

/// <summary>The organiser sets a child's screen time, age rating and purchase approval from the family app.</summary>
[ApiController]
[Route("family/{familyId}/children/{childPlayerId}/controls")]
public sealed class ScreenTimeController(
    Pseudonymizer pseudonymizer,
    ILogger<ScreenTimeController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.ParentalControls");
    private static readonly Meter Meter = new("Studio.ParentalControls");
    private static readonly Histogram<int> DailyMinutes = Meter.CreateHistogram<int>("studio.controls.daily_minutes", "min");

    [HttpPost]
    public ActionResult Update(string familyId, Guid childPlayerId, [FromBody] ScreenTimeForm form, ParentalControls current)
    {
        using var span = Source.StartFamplayHouseholdChange("family-6");
        span.SetFamplayMemberId(pseudonymizer.PseudonymizeFamplayMemberId(childPlayerId.ToString())).SetFamplayRole("child"); // clean precision-pseudonym
        var changes = new List<ControlChange>();
        if (form.DailyMinutes != current.DailyMinutes)
        {
            changes.Add(new ControlChange("daily-minutes", current.DailyMinutes.ToString(CultureInfo.InvariantCulture), form.DailyMinutes.ToString(CultureInfo.InvariantCulture)));
        }
        if (form.MaxAgeRating != current.MaxAgeRating)
        {
            changes.Add(new ControlChange("age-rating", current.MaxAgeRating, form.MaxAgeRating));
        }

        logger.LogInformation("Controls changed: {Changes}", changes); // clean logging-objects
        logger.LogInformation("Controls before change {Controls}", current); // leak TC1001 logging-objects
        Activity.Current?.SetTag("controls.changed", string.Join(",", changes.Select(c => $"{c.Setting}:{c.OldValue}->{c.NewValue}"))); // clean strings
        Activity.Current?.SetTag("controls.blocked.count", form.BlockedCategories.Count); // clean precision-about
        Activity.Current?.SetTag("controls.profile", current.ProfileId); // leak TC1001 cross-member
        DailyMinutes.Record(form.DailyMinutes, new KeyValuePair<string, object?>("rating", form.MaxAgeRating)); // clean precision-about
        DailyMinutes.Record(form.DailyMinutes, new KeyValuePair<string, object?>("child", childPlayerId.ToString())); // leak TC1003 direct
        Activity.Current?.AddEvent(new ActivityEvent("controls.updated", tags: new ActivityTagsCollection { ["controls.path"] = $"/family/{familyId}/children/{childPlayerId}/controls" })); // leak TC1001 strings
        Activity.Current?.SetTag("http.route", "family/{familyId}/children/{childPlayerId}/controls"); // clean precision-names
        return new OkResult(null);
    }
}
