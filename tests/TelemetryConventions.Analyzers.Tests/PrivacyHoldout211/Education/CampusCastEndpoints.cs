namespace PrivacyHoldout211.Education;

public sealed record LectureEpisode(string EpisodeId, string ModuleCode, string LecturerName, int Minutes);

public sealed record StudentHostSignup(string StudentNumber, string FullName, string UniversityEmail, string ShowName, string Slot);

public sealed record ShowSlot(string ShowName, string Slot, string Studio);

public static partial class CampusCastEndpoints
{
    private static readonly ActivitySource Source = new("University.CampusCast");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/hosts", SignUpHost);
        routes.MapGet("/students/{studentNumber}/recommendations", Recommend);
        routes.MapPost("/guests/{guestId}/invite", InviteGuest);
    }

    public static async Task<ActionResult> SignUpHost(StudentHostSignup signup, ILogger<StudentHostSignup> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        var activity = Activity.Current;
        var span = activity.EnrichCampuscastOperation("campus-radio");
        span.SetCampuscastListenerId(pseudonymizer.PseudonymizeCampuscastListenerId(signup.StudentNumber)); // clean generated-api
        span.SetCampuscastOutcome("signed-up"); // clean generated-api
        span.SetCampuscastNote("host " + signup.FullName); // leak TC1001 generated-api
        activity?.SetTag("show.name", signup.ShowName); // clean precision-names
        activity?.SetTag("show.slot", signup.Slot); // clean precision-names
        activity?.SetTag("host.student_number", signup.StudentNumber); // leak TC1001 direct
        activity?.SetTag("host.email", signup.UniversityEmail); // leak TC1001 direct
        activity?.SetTag("host.email_domain", signup.UniversityEmail[(signup.UniversityEmail.IndexOf('@') + 1)..]); // clean precision-about
        var slot = new ShowSlot(signup.ShowName, signup.Slot, "Studio B");
        logger.LogInformation("Slot booked {@Slot}", slot); // clean logging-objects
        logger.LogInformation("Host signed up {Signup}", signup); // leak TC1001 logging-objects
        logger.LogInformation("Host signed up {@Signup}", signup with { UniversityEmail = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Signup {Info}", new { signup.ShowName, signup.Slot }); // clean logging-objects
        logger.LogInformation("Signup {Info}", new { signup.ShowName, Host = signup.FullName }); // leak TC1001 logging-objects
        LogHostSignedUp(logger, signup.StudentNumber, signup.ShowName); // clean logging-objects
        LogHostName(logger, signup.FullName); // leak TC1001 logging-objects
        meter.CreateCampuscastOperationsCounter().Add(1, "campus-radio"); // clean generated-api
        meter.CreateCampuscastOperationDurationHistogram().Record(0.4, "campus-radio"); // clean generated-api
        await Task.Yield();
        return new OkResult(null);
    }

    public static async Task<ActionResult> Recommend(string studentNumber, IRecommender recommender, ILogger<LectureEpisode> logger, Pseudonymizer pseudonymizer, StreamingOptions options, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampuscastOperation("lecture-podcasts");
        var batch = await recommender.RecommendAsync(studentNumber, options.RecommendationCount, cancellationToken);
        span.SetCampuscastMinutes(batch.TrackIds.Count); // clean generated-api
        span.SetCampuscastListenerId(pseudonymizer.PseudonymizeCampuscastListenerId(batch.ListenerId)); // clean generated-api
        Activity.Current?.SetTag("recommendation.model", batch.Model); // clean precision-names
        Activity.Current?.SetTag("recommendation.diversity", batch.Diversity); // clean precision-about
        Activity.Current?.SetTag("recommendation.items", string.Join(",", batch.TrackIds.Take(5))); // clean strings
        Activity.Current?.SetTag("recommendation.for", batch.ListenerId); // leak TC1001 direct
        logger.LogInformation("Recommended {Batch}", batch); // leak TC1001 logging-objects
        logger.LogInformation("Recommended {Count} episodes with {Model}", batch.TrackIds.Count, batch.Model); // clean precision-about
        var sb = new StringBuilder();
        sb.Append("student=").Append(studentNumber).Append(";count=").Append(batch.TrackIds.Count);
        logger.LogDebug(sb.ToString()); // leak TC1001 strings
        var cacheKey = studentNumber.GetHashCode();
        Activity.Current?.SetTag("recommendation.cache_key", cacheKey); // leak TC1002 hashes
        var bucket = Pseudonym.FromComputed(pseudonymizer.ComputeCampuscastListenerId(studentNumber));
        Activity.Current?.SetTag("recommendation.cohort", bucket.Value); // clean precision-pseudonym
        Baggage.SetBaggage("student", studentNumber); // leak TC1001 direct
        Baggage.SetBaggage("student.ref", pseudonymizer.ComputeCampuscastListenerId(studentNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("module", "podcasts"); // clean precision-names
        return new OkResult(batch.TrackIds);
    }

    public static async Task<ActionResult> InviteGuest(string guestId, IStudioDesk studio, ILogger<PodcastGuest> logger, CancellationToken cancellationToken)
    {
        var guest = await studio.FindGuestAsync(guestId, cancellationToken);
        Activity.Current?.SetTag("guest.id", guestId); // clean precision-names
        if (guest is null)
        {
            var notFound = new EpisodeNotFoundException(guestId);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, notFound.Message); // clean exceptions
            return new NotFoundResult(null);
        }

        try
        {
            await studio.SendInviteAsync(guest.Email, guest.EpisodeId, cancellationToken);
            Activity.Current?.SetTag("guest.episode", guest.EpisodeId); // clean precision-names
            Activity.Current?.SetTag("guest.name", guest.FullName); // leak TC1001 direct
            Activity.Current?.SetTag("guest.has_phone", !string.IsNullOrEmpty(guest.Phone)); // clean precision-about
        }
        catch (GuestConsentMissingException ex)
        {
            logger.LogWarning(ex, "Guest invite blocked"); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", nameof(GuestConsentMissingException)); // clean exceptions
            return new BadRequestResult("consent");
        }
        catch (CatalogUnavailableException ex)
        {
            logger.LogWarning(ex, "Catalogue down while inviting to {EpisodeId}", guest.EpisodeId); // clean exceptions
        }

        return new OkResult(guest.EpisodeId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Student {StudentNumber} hosts {ShowName}")]
    private static partial void LogHostSignedUp(ILogger logger, [PrivateData] string studentNumber, string showName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host name {HostName}")]
    private static partial void LogHostName(ILogger logger, string hostName);
}
