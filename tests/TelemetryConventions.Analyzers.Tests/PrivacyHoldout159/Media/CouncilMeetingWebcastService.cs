namespace PrivacyHoldout159.Media;

// Webcasts full council and planning committee meetings, with members of the public registered to speak.
public sealed class CouncilMeetingWebcastService(ILogger<CouncilMeetingWebcastService> logger, Pseudonymizer pseudonymizer, ActivitySource source)
{
    private PublicSpeaker? speakerOnAir;

    public void Register(PublicSpeaker speaker, string meetingId)
    {
        using var span = source.StartElectionnightOperation(meetingId);
        span.SetElectionnightElectorId(pseudonymizer.PseudonymizeElectionnightElectorId(speaker.Email)); // clean precision-pseudonym
        Activity.Current?.SetTag("webcast.meeting.id", meetingId); // clean precision-names
        Activity.Current?.SetTag("webcast.agenda_item", speaker.AgendaItem); // clean precision-about
        Activity.Current?.SetTag(ElectionnightAttributes.Contact, speaker.Email); // leak TC1001 generated-api
        Activity.Current?.SetTag(ElectionnightAttributes.Contact, pseudonymizer.Compute("public_speaker", speaker.Email)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Speaker registered for item {Item}: {Speaker}", speaker.AgendaItem, speaker); // leak TC1001 logging-objects
        logger.LogInformation("Speaker {Speaker} registered for item {Item}", pseudonymizer.Compute("public_speaker", speaker.Email), speaker.AgendaItem); // clean precision-pseudonym
        OpenTelemetry.Baggage.SetBaggage("webcast.speaker", speaker.FullName); // leak TC1001 direct
        OpenTelemetry.Baggage.SetBaggage("webcast.meeting", meetingId); // clean precision-names
    }

    public void OnAir(PublicSpeaker speaker)
    {
        speakerOnAir = speaker;
        Activity.Current?.AddEvent(new ActivityEvent("speaker.on_air")); // clean precision-about
    }

    public void OffAir(TimeSpan spoken)
    {
        Activity.Current?.SetTag("webcast.speaker.seconds", spoken.TotalSeconds); // clean precision-about
        Activity.Current?.SetTag("webcast.speaker.name", speakerOnAir?.FullName); // leak TC1001 cross-member
        logger.LogInformation("Speaker on item {Item} spoke for {Seconds}s", speakerOnAir?.AgendaItem, spoken.TotalSeconds); // clean cross-member
    }
}
