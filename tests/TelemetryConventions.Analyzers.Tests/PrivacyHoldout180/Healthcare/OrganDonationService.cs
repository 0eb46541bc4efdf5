namespace PrivacyHoldout180.Healthcare;

public sealed record ConsentCallRequest(string ReferralId, string PatientNhsNumber, string KinName, string KinPhone, string Relationship);

public sealed record OfferRequest(string OrganType, string DonorBloodGroup, string RecipientId);

/// <summary>The specialist nurses' gRPC service: the organ donor register lookup, next of kin's consent and organ offers.</summary>
public sealed class OrganDonationService(
    IOrganDonorRegister odr,
    IMatchingRun matching,
    Pseudonymizer pseudonymizer,
    ILogger<OrganDonationService> logger)
{
    private static readonly ActivitySource Source = new("Donorcare.Organs");
    private static readonly Meter Meter = new("Donorcare.Organs");
    private static readonly Counter<long> Offers = Meter.CreateCounter<long>("donorcare.offers");

    public async Task<string> CheckRegister(string nhsNumber, ServerCallContext context)
    {
        using var activity = Source.StartActivity("CheckRegister");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("client.address", context.Peer); // leak TC1001 direct
        var entry = await odr.LookupAsync(nhsNumber, context.CancellationToken);
        if (entry is null)
        {
            throw new RpcException("NotFound", $"No register entry for {nhsNumber}");
        }
        activity?.SetTag("odr.decision", entry.Decision); // clean precision-about
        activity?.SetTag("odr.organ_count", entry.Organs.Count); // clean precision-about
        activity?.SetTag("odr.organs", string.Join(",", entry.Organs)); // clean precision-about
        activity?.SetTag("odr.name", entry.FullName); // leak TC1001 direct
        logger.LogInformation("Register entry {@Entry}", entry); // leak TC1001 logging-objects
        Baggage.SetBaggage("odr.nhs", nhsNumber); // leak TC1001 direct
        Baggage.SetBaggage("odr.patient", pseudonymizer.ComputeDonorcareDonorId(nhsNumber)); // clean precision-pseudonym
        return entry.Decision;
    }

    public Task<bool> RecordConsent(ConsentCallRequest request, ServerCallContext context)
    {
        var consent = new NextOfKinConsent(request.ReferralId, request.PatientNhsNumber, request.KinName, request.KinPhone, request.Relationship, Consented: true);
        using var span = Source.StartDonorcareOperation("sn-od-north");
        span.SetDonorcareDonationType("organ"); // clean generated-api
        span.SetDonorcareNote($"referral {consent.ReferralId}, kin is {consent.Relationship}"); // clean generated-api
        span.SetDonorcareNote("call back " + consent.KinPhone); // leak TC1001 generated-api
        span.Activity?.SetTag(DonorcareAttributes.Contact, consent.KinPhone); // leak TC1001 generated-api
        span.Activity?.SetTag("referral.id", consent.ReferralId); // clean precision-names
        span.Activity?.SetTag("kin.relationship", consent.Relationship); // clean precision-about
        span.Activity?.SetTag("kin.phone_present", !string.IsNullOrEmpty(consent.KinPhone)); // clean precision-about

        using (logger.BeginScope("Referral {ReferralId} kin {KinName}", consent.ReferralId, consent.KinName)) // leak TC1001 direct
        {
            logger.LogInformation("Consent {Consent}", consent with { KinName = "", KinPhone = "", PatientNhsNumber = "" }); // clean logging-objects
            logger.LogInformation("Consent {Consent}", consent with { KinPhone = "" }); // leak TC1001 logging-objects
        }

        try
        {
            if (!consent.Consented)
            {
                throw new NextOfKinUnreachableException(consent.KinPhone);
            }
        }
        catch (NextOfKinUnreachableException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, "kin unreachable"); // clean exceptions
        }
        return Task.FromResult(consent.Consented);
    }

    public async Task<int> OfferOrgan(OfferRequest request, Recipient recipient, ServerCallContext context)
    {
        using var activity = Source.StartActivity("OfferOrgan");
        var offers = await matching.RunAsync(request.OrganType, request.DonorBloodGroup, context.CancellationToken);
        activity?.SetTag("offer.count", offers.Count); // clean precision-about
        activity?.SetTag("organ.type", request.OrganType); // clean precision-about
        activity?.SetTag("recipient.centre", recipient.Centre); // clean precision-about
        activity?.SetTag("recipient.hla", recipient.HlaTyping); // leak TC1001 direct
        activity?.SetTag("recipient.nhs", recipient.NhsNumber); // leak TC1001 direct
        activity?.SetTag("recipient.id", pseudonymizer.ComputeDonorcareRecipientId(recipient.RecipientId)); // clean precision-pseudonym
        Offers.Add(1, new KeyValuePair<string, object?>("recipient", pseudonymizer.ComputeDonorcareRecipientId(recipient.RecipientId))); // leak TC1003 precision-pseudonym
        Offers.Add(offers.Count, new KeyValuePair<string, object?>("organ", request.OrganType)); // clean precision-about

        foreach (var offer in offers.Take(3))
        {
            logger.LogInformation("Offer {@Offer}", offer); // clean logging-objects
            activity?.AddEvent(new ActivityEvent("offer", tags: new ActivityTagsCollection { ["mismatches"] = offer.Mismatches, ["score"] = offer.Score })); // clean precision-about
        }
        if (offers.Count == 0)
        {
            var ex = new NoMatchingOfferException(request.OrganType, recipient.Centre);
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning("No match for {Recipient}", recipient); // leak TC1001 logging-objects
        }
        return offers.Count;
    }
}
