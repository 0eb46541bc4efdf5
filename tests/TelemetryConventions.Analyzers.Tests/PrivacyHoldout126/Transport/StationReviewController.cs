namespace PrivacyHoldout126.Transport;

/// <summary>A review of a station or stop: cleanliness, accessibility, staff, with photos.</summary>
public sealed record StationReviewForm(string StationCode, int Stars, bool StepFreeWorked, string Text, IReadOnlyList<string> PhotoIds, string? StaffMemberNamed);

[ApiController]
[Route("api/stations/{stationCode}/reviews")]
public sealed class StationReviewController(
    IReviewPlatform platform,
    IMediaStore media,
    Pseudonymizer pseudonymizer,
    ILogger<StationReviewController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Transit.StationReviews");

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] StationReviewForm form)
    {
        var riderId = HttpContext.User.SubjectId!;
        var submissions = new Meter("Transit.StationReviews").CreateTriprateSubmissionsCounter();
        using var span = Source.StartTriprateSubmit("pending")
            .SetTriprateStation(form.StationCode) // clean precision-names
            .SetTriprateMediaCount(form.PhotoIds.Count) // clean precision-about
            .SetTriprateAuthorId(pseudonymizer.PseudonymizeTriprateAuthorId(riderId)); // clean precision-pseudonym

        span.Activity?.SetTag("station.step_free_worked", form.StepFreeWorked); // clean precision-about
        span.Activity?.SetTag("station.staff_named", form.StaffMemberNamed is not null); // clean precision-about
        span.Activity?.SetTag("station.staff", form.StaffMemberNamed); // leak TC1001 direct
        logger.LogInformation("Station review {Station} {Stars}: {Text}", form.StationCode, form.Stars, form.Text); // leak TC1001 direct

        foreach (var photoId in form.PhotoIds)
        {
            var exif = await media.ReadExifAsync($"station-photos/{form.StationCode}/{photoId}.jpg");
            span.Activity?.AddEvent(new ActivityEvent("station.photo", tags: new ActivityTagsCollection { ["photo"] = photoId, ["gps"] = exif?.GpsLatitude is not null })); // clean precision-names
            logger.LogDebug("Station photo {PhotoId} taken by {Artist}", photoId, exif?.Artist); // leak TC1001 cross-member
        }

        var review = await platform.SubmitReviewAsync(new ReviewSubmission(form.StationCode, riderId, "Rider", HttpContext.User.Email, form.Stars, form.StationCode, form.Text));
        span.SetTriprateReviewId(review.Id).SetTriprateOutcome("published"); // clean generated-api
        submissions.Add(1, "published", form.StationCode); // clean generated-api
        submissions.Add(1, "published", riderId); // leak TC1003 generated-api
        logger.LogInformation("Station review {ReviewId} stored with {Media} photos", review.Id, review.Media.Count); // clean precision-about
        return Ok(review.Id);
    }
}
