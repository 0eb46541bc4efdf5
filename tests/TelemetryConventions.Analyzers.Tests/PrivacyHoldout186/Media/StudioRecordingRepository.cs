namespace PrivacyHoldout186.Media;

/// <summary>Recordings and the audience seats kept for concession travellers.</summary>
public sealed class StudioRecordingRepository(ILogger<StudioRecordingRepository> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.Recordings");
    private readonly Dictionary<string, List<string>> _membersByShow = new();

    public void Seat(string showId, string memberId) =>
        (_membersByShow.TryGetValue(showId, out var list) ? list : _membersByShow[showId] = new List<string>()).Add(memberId);

    public StudioRecording Close(string recordingId, string showId, TimeSpan duration)
    {
        var members = _membersByShow.GetValueOrDefault(showId) ?? new List<string>();
        var recording = new StudioRecording(recordingId, showId, members.Count);
        using var activity = Source.StartActivity("recording.close");
        activity?.SetTag("recording.id", recording.RecordingId); // clean precision-names
        activity?.SetTag("recording.audience_seats", recording.AudienceSeats); // clean precision-about
        activity?.SetTag("recording.members", string.Join(";", members)); // leak TC1001 strings
        logger.LogInformation("Closed {@Recording}", recording); // clean logging-objects
        logger.LogInformation("Audience by show {Members}", _membersByShow); // leak TC1001 logging-objects
        logger.LogInformation("Audience shows {Shows}", _membersByShow.Keys); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("recording.closed", tags: new ActivityTagsCollection { ["show.id"] = showId, ["seats"] = members.Count })); // clean precision-about
        Source.StartAudiencefareOperation("studio").SetAudiencefareJourneys(members.Count).Dispose(); // clean generated-api
        Meter.CreateAudiencefareOperationDurationHistogram().Record(duration.TotalSeconds, showId); // clean generated-api
        return recording;
    }

    private static readonly Meter Meter = new("Broadcaster.Recordings");
}
