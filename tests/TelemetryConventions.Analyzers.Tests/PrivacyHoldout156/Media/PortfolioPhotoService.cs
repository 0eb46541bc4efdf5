namespace PrivacyHoldout156.Media;

/// <summary>Publishes photos of healed tattoos to the studio's portfolio when the client has consented.</summary>
public sealed class PortfolioPhotoService(
    Pseudonymizer pseudonymizer,
    ILogger<PortfolioPhotoService> logger)
{
    private static readonly ActivitySource Source = new("Studio.Portfolio");
    private static readonly Meter Meter = new("Studio.Portfolio");
    private static readonly Counter<long> Photos = Meter.CreateCounter<long>("portfolio.photos");

    private readonly HashSet<string> _awaitingConsent = new();

    public bool Publish(PortfolioPhoto photo)
    {
        using var activity = Source.StartActivity("portfolio.publish");
        activity?.SetTag("portfolio.photo.id", photo.PhotoId); // clean direct
        activity?.SetTag("portfolio.studio", photo.Studio); // clean direct
        activity?.SetTag("portfolio.placement", photo.Placement); // clean direct
        activity?.SetTag("portfolio.artist", photo.ArtistStaffId); // leak TC1001 direct
        activity?.SetTag("portfolio.artist", pseudonymizer.Compute("studio_artist", photo.ArtistStaffId)); // clean precision-pseudonym
        Photos.Add(1, new KeyValuePair<string, object?>("studio", photo.Studio), new KeyValuePair<string, object?>("consent", photo.ConsentGiven)); // clean direct

        if (!photo.ConsentGiven)
        {
            _awaitingConsent.Add(photo.ClientNumber);
            var missing = new ConsentMissingException(photo.ClientNumber, photo.PhotoId);
            activity?.SetStatus(ActivityStatusCode.Error, missing.Message); // leak TC1001 exceptions
            logger.LogWarning("Photo {PhotoId} held: {Error}", photo.PhotoId, missing.GetType().Name); // clean exceptions
            logger.LogMakeoverOperationFailedEvent(photo.Studio, "no-consent", makeoverApplicantId: pseudonymizer.PseudonymizeMakeoverApplicantId(photo.ClientNumber)); // clean generated-api
            return false;
        }

        logger.LogInformation("Published {Photo}", photo); // leak TC1001 logging-objects
        logger.LogInformation("Published photo {PhotoId} ({Placement})", photo.PhotoId, photo.Placement); // clean logging-objects
        activity?.SetTag("portfolio.caption", Caption(photo)); // clean strings
        activity?.SetTag("portfolio.credit", Credit(photo)); // leak TC1001 strings
        return true;
    }

    public void RemindStudio()
    {
        logger.LogInformation("{Count} photos await consent", _awaitingConsent.Count); // clean cross-member
        logger.LogInformation("Photos await consent from {Clients}", string.Join(", ", _awaitingConsent)); // leak TC1001 cross-member
    }

    private static string Caption(PortfolioPhoto photo) => $"Healed {photo.Placement} piece at {photo.Studio}";

    private static string Credit(PortfolioPhoto photo) => $"Client {photo.ClientNumber}, artist {photo.ArtistStaffId}";
}
