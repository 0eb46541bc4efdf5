namespace PrivacyHoldout144.Media;

/// <summary>The category for log messages of the listening request endpoints.</summary>
public sealed class ListeningLog;

/// <summary>
/// The broadcaster's sound archive opens its radio recordings to registered listeners (researchers, students,
/// programme makers): a listener asks for a recording with a purpose and a short research note, the archive checks
/// the rights and any closure, and streams a listening copy.
/// </summary>
public static class ListeningRequestEndpoints
{
    private const string Collection = "radio-archive";

    public static EndpointRoutes MapListening(this EndpointRoutes routes) =>
        routes.MapPost("/listening-requests", RequestAsync)
            .MapGet("/recordings/{recordingId}/rights", RightsAsync);

    internal static async Task<object> RequestAsync(
        ListeningRequest request,
        HttpContextInfo http,
        ISoundCatalogue catalogue,
        Pseudonymizer pseudonymizer,
        Meter meter,
        ILogger<ListeningLog> logger,
        CancellationToken cancellationToken)
    {
        Activity.Current.EnrichSoundarchiveOperation(Collection).SetSoundarchiveRecordingId(request.RecordingId).SetSoundarchiveListenerId(pseudonymizer.PseudonymizeSoundarchiveListenerId(request.ListenerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("enduser.id", http.User.SubjectId); // leak TC1001 direct
        Activity.Current?.SetTag("soundarchive.request.purpose", request.Purpose); // clean precision-about
        Activity.Current?.SetTag("soundarchive.request.note_length", request.ResearchNote?.Length ?? 0); // clean precision-about
        logger.LogInformation("Research note from {Listener}: {Note}", pseudonymizer.ComputeSoundarchiveListenerId(request.ListenerNumber), request.ResearchNote); // leak TC1001 direct

        var rights = await catalogue.RightsAsync(request.RecordingId, cancellationToken);
        logger.LogInformation("Rights {Rights}", rights); // clean logging-objects
        if (rights.ClosedUntilYear is int year && year > DateTime.UtcNow.Year)
        {
            var restricted = new RecordingRestrictedException(request.RecordingId, year);
            logger.LogSoundarchiveOperationFailedEvent(Collection, "restricted", soundarchiveNote: restricted.Message); // clean generated-api
            meter.CreateSoundarchiveRequestsCounter().Add(1, Collection, soundarchiveOutcome: "restricted"); // clean generated-api
            return new BadRequestResult(restricted.Message);
        }

        var listener = await catalogue.ListenerAsync(request.ListenerNumber, cancellationToken);
        if (listener is null)
        {
            var unregistered = new ListenerNotRegisteredException(http.User.Email ?? "unknown");
            logger.LogWarning(unregistered, "Listening request {RequestId} refused", request.RequestId); // leak TC1001 exceptions
            return new BadRequestResult("register first");
        }

        Activity.Current?.SetTag("soundarchive.listener.institution", listener.Institution); // clean precision-about
        var copy = await catalogue.ListeningCopyAsync(request.RecordingId, request.ListenerNumber, cancellationToken);
        Activity.Current?.SetTag("soundarchive.copy.host", copy.Host); // clean precision-about
        logger.LogInformation("Listening copy of {RecordingId} for {Listener}", request.RecordingId, listener.FullName); // leak TC1001 direct
        meter.CreateSoundarchiveRequestsCounter().Add(1, Collection, soundarchiveOutcome: rights.RightsCode); // clean generated-api
        return copy;
    }

    internal static async Task<object> RightsAsync(string recordingId, ISoundCatalogue catalogue, ILogger<ListeningLog> logger, CancellationToken cancellationToken)
    {
        var rights = await catalogue.RightsAsync(recordingId, cancellationToken);
        Activity.Current?.SetTag("soundarchive.rights.code", rights.RightsCode); // clean precision-names
        Activity.Current?.SetTag("soundarchive.rights.streamable", rights.Streamable); // clean precision-about
        return rights;
    }
}
