namespace PrivacyHoldout144.Energy;

/// <summary>
/// Former employees and their families offer the heritage centre objects from their working lives: lamps, badges,
/// uniforms, tools, photographs. The curators assess each offer against the collecting policy, accession what they
/// take with a signed transfer of title, and research its provenance.
/// </summary>
public sealed partial class ObjectDonationService(
    ICollectionsSystem collections,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ObjectDonationService> logger)
{
    private const string Repository = "heritage-centre";

    private readonly Counter<long> _offers = meter.CreateCounter<long>("powerarchive.offers");
    private readonly List<string> _privateHolders = new();
    private ObjectOffer? _lastDeclinedOffer;
    private string? _lastAccession;

    public async Task ReceiveOfferAsync(ObjectOffer offer, CancellationToken cancellationToken)
    {
        using var span = source.StartPowerarchiveOperation(Repository, spanName: "object-offer");
        span.SetPowerarchiveDonorId(pseudonymizer.PseudonymizePowerarchiveDonorId(offer.DonorEmail)); // clean precision-pseudonym
        span.SetPowerarchiveNote(offer.DonorStory); // leak TC1001 generated-api
        logger.LogInformation("Offer {OfferId} received from {Donor}", offer.OfferId, offer.DonorName); // leak TC1001 direct
        logger.LogDebug("Offer {Offer}", offer); // leak TC1001 logging-objects
        Activity.Current?.SetTag("powerarchive.offer.story_words", offer.DonorStory.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        Activity.Current?.SetTag("powerarchive.offer.has_phone", offer.DonorPhone is not null); // clean precision-about
        _offers.Add(1, new KeyValuePair<string, object?>("powerarchive.donor", pseudonymizer.ComputePowerarchiveDonorId(offer.DonorEmail))); // leak TC1003 precision-pseudonym

        var donorKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(offer.DonorEmail.ToLowerInvariant())));
        logger.LogDebug("Offer {OfferId} filed under donor key {DonorKey}", offer.OfferId, donorKey); // leak TC1002 hashes

        try
        {
            var assessment = await collections.AssessAsync(offer, cancellationToken);
            logger.LogInformation("Offer assessed: {Assessment}", assessment); // clean logging-objects
            if (assessment.Decision == "decline")
            {
                _lastDeclinedOffer = offer;
            }
        }
        catch (OfferOutOfScopeException ex)
        {
            logger.LogInformation(ex, "Offer outside the collecting policy"); // clean exceptions
            Activity.Current?.SetTag("powerarchive.policy_section", ex.PolicySection); // clean exceptions
        }
        catch (DonorNotFoundException ex)
        {
            logger.LogPowerarchiveOperationFailedEvent(Repository, "donor-unknown", powerarchiveNote: ex.Message); // leak TC1001 generated-api
        }
    }

    public async Task AccessionAsync(string offerId, string donorName, string donorAddress, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("object-offer.accession");
        var accession = await collections.AccessionAsync(offerId, cancellationToken);
        _lastAccession = accession.AccessionNumber;
        logger.LogInformation("Accessioned {Accession}", accession); // clean logging-objects
        activity?.SetTag("powerarchive.accession.number", accession.AccessionNumber); // clean precision-names

        var transfer = new TransferOfTitle(accession.AccessionNumber, donorName, donorAddress, DateOnly.FromDateTime(DateTime.UtcNow));
        await collections.RecordTransferAsync(transfer, cancellationToken);
        LogTransferSigned(logger, accession.AccessionNumber, transfer); // leak TC1001 logging-objects

        var chain = await collections.ProvenanceAsync(accession.AccessionNumber, cancellationToken);
        activity?.SetTag("powerarchive.provenance.links", chain.Count); // clean precision-about
        for (var i = 0; i < chain.Count; i++)
        {
            var link = chain[i];
            if (link.HolderKind is "company" or "auction-house" or "museum")
            {
                logger.LogDebug("{AccessionNumber} held by {Holder} ({Kind}) from {From}", link.AccessionNumber, link.Holder, link.HolderKind, link.FromYear); // clean precision-about
            }
            else
            {
                _privateHolders.Add(link.Holder);
            }

            try
            {
                if (i > 0 && chain[i - 1].ToYear is int previousEnd && link.FromYear > previousEnd + 1)
                {
                    throw new ProvenanceGapException(link.AccessionNumber, previousEnd, link.FromYear);
                }
            }
            catch (ProvenanceGapException ex)
            {
                logger.LogWarning("{Message}", ex.Message); // clean exceptions
            }
        }
    }

    public void ReportProvenanceReview()
    {
        Activity.Current?.SetTag("powerarchive.accession.last", _lastAccession); // clean cross-member
        logger.LogInformation("Private holders to trace: {Holders}", string.Join("; ", _privateHolders)); // leak TC1001 cross-member
        logger.LogInformation("Last declined offer: {Offer}", _lastDeclinedOffer); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Transfer of title for {AccessionNumber} signed: {Transfer}")]
    private static partial void LogTransferSigned(ILogger logger, string accessionNumber, TransferOfTitle transfer);
}
