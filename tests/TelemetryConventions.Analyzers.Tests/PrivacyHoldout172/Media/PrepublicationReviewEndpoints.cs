using OpenTelemetry.Trace;

namespace PrivacyHoldout172.Media;

/// <summary>
/// The legal desk's minimal API: producers submit a script for pre-publication review; the lawyer checks the
/// people it names against reporting restrictions and the defamation risk.
/// </summary>
public static class PrepublicationReviewEndpoints
{
    private static readonly ActivitySource Source = new("Broadcaster.Legal.Review");
    private static readonly Meter Meter = new("Broadcaster.Legal.Review");
    private static readonly Counter<long> Reviews = Meter.CreateCounter<long>("broadcaster.legal.reviews");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/legal/reviews", Review);

    private static ActionResult Review(PrepublicationReview review, ILogger<PrepublicationReview> logger, Pseudonymizer pseudonymizer, ISet<string> restrictedNames)
    {
        using var activity = Source.StartActivity("PrepublicationReview");
        activity?.SetTag("review.id", review.ReviewId); // clean direct
        activity?.SetTag("review.programme", review.Programme); // clean precision-about
        activity?.SetTag("review.risk", review.Risk); // clean precision-about
        activity?.SetTag("review.named_people.count", review.NamedPeople.Count); // clean precision-about
        activity?.SetTag("review.named_people", review.NamedPeople.ToArray()); // leak TC1001 direct
        Reviews.Add(1, new KeyValuePair<string, object?>("programme", review.Programme), new KeyValuePair<string, object?>("risk", review.Risk)); // clean precision-about

        logger.LogInformation("Reviewing {Review}", review); // clean logging-objects
        logger.LogInformation("Reviewing {ReviewId} for {Programme}", review.ReviewId, review.Programme); // clean logging-objects

        foreach (var name in review.NamedPeople)
        {
            if (restrictedNames.Contains(name))
            {
                var ex = new RestrictedNameException(name);
                activity?.RecordException(ex); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                logger.LogWarning("Review {ReviewId} names a protected person: {Name}", review.ReviewId, name); // leak TC1001 direct
                logger.LogWarning("Review {ReviewId} names a protected person ({Words} words)", review.ReviewId, name.Split(' ').Length); // clean precision-about
                return new BadRequestResult("The script names a person protected by a reporting restriction.");
            }
        }

        var lead = pseudonymizer.PseudonymizePresslegalClientId(review.NamedPeople.FirstOrDefault() ?? "");
        activity?.SetTag(PresslegalAttributes.ClientId, lead.Value); // clean precision-pseudonym
        activity?.SetBaggage("review.lead_subject", lead.Value); // clean precision-pseudonym
        return new OkResult(review.ReviewId);
    }
}
