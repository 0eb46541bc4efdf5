namespace PrivacyHoldout88.Media;

/// <summary>A note a responder adds to an incident from the playback console.</summary>
public sealed record IncidentNote(string IncidentId, string AuthorEmail, string Text);

/// <summary>
/// Writes an incident's timeline into the post-incident review and adds responders' notes to the incident.
/// Annotations of the dashboards link to the incident by id.
/// </summary>
public sealed class IncidentReviewExporter(IIncidentsApi incidents, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<IncidentReviewExporter> logger)
{
    private readonly List<string> _annotations = new();

    public async Task AddNoteAsync(IncidentNote note, CancellationToken cancellationToken)
    {
        using var span = source.StartStreampagePage("incident-notes", "info");
        span.SetStreampageIncidentId(note.IncidentId); // clean precision-names
        span.SetStreampageResponderId(pseudonymizer.PseudonymizeStreampageResponderId(note.AuthorEmail)); // clean precision-pseudonym
        await incidents.AddNoteAsync(note.IncidentId, note.AuthorEmail, note.Text, cancellationToken);
        logger.LogInformation("Note added {Note}", note); // leak TC1001 logging-objects
        logger.LogInformation("Note added to {Incident}, {Length} characters", note.IncidentId, note.Text.Length); // clean precision-about
        span.SetStreampageNote(note.Text); // leak TC1001 generated-api
    }

    public async Task<string> ExportAsync(string incidentId, CancellationToken cancellationToken)
    {
        var timeline = await incidents.GetTimelineAsync(incidentId, cancellationToken);
        var review = new StringBuilder();
        foreach (var entry in timeline.OrderBy(e => e.At))
        {
            review.AppendLine(CultureInfo.InvariantCulture, $"{entry.At:HH:mm} [{entry.Kind}] {entry.Author}: {entry.Text}");
            _annotations.Add($"{Runbooks.BaseUrl}/incidents/{incidentId}#{entry.At.ToUnixTimeSeconds()}");
        }

        logger.LogDebug("Review draft {Review}", review.ToString()); // leak TC1001 strings
        logger.LogInformation("Dashboard annotations {Annotations}", string.Join(" ", _annotations)); // clean precision-names
        Activity.Current?.SetTag("review.kinds", string.Join(",", timeline.Select(e => e.Kind).Distinct())); // clean precision-about
        Activity.Current?.SetTag("review.first_author", timeline.FirstOrDefault(e => e.Author is not null)?.Author); // leak TC1001 direct
        logger.LogInformation("Timeline {Timeline}", timeline); // leak TC1001 logging-objects
        return review.ToString();
    }
}
