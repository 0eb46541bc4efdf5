namespace PrivacyHoldout149.Media;

/// <summary>
/// Minimal API for ordering transcripts of hearings from the courts' approved transcribers on a
/// reporter's behalf.
/// </summary>
public static class TranscriptOrderEndpoints
{
    private static readonly ActivitySource Source = new("Newsroom.CourtDesk.Transcripts");

    public static EndpointRoutes MapTranscriptOrders(this EndpointRoutes routes) =>
        routes.MapPost("/transcripts", async (TranscriptOrder order, ITranscriberClient transcribers, Pseudonymizer pseudonymizer, ILogger<TranscriptOrder> logger, CancellationToken cancellationToken) =>
        {
            using var activity = Source.StartActivity("transcripts.order");
            activity?.SetTag("transcript.order.id", order.OrderId);
            activity?.SetTag("transcript.hearing.id", order.HearingId); // clean precision-names
            activity?.SetTag("transcript.pages", order.Pages); // clean precision-about
            activity?.SetTag("transcript.press_card", order.PressCardNumber); // leak TC1001 direct
            activity?.SetTag("transcript.press_card.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(order.PressCardNumber)))[..16]); // leak TC1002 hashes
            activity?.SetTag("transcript.requester.id", pseudonymizer.Compute("press.card", order.PressCardNumber)); // clean precision-pseudonym
            logger.LogInformation("Transcript ordered by {Requester} for hearing {HearingId}", order.RequesterName, order.HearingId); // leak TC1001 direct
            logger.LogInformation("Transcript order {Order}", order); // leak TC1001 logging-objects

            try
            {
                var quote = await transcribers.QuoteAsync(order, cancellationToken);
                activity?.SetTag("transcript.price", quote.Price); // clean precision-about
                logger.LogInformation("Quote {@Quote}", quote); // clean logging-objects
                return (ActionResult)new OkResult(quote);
            }
            catch (HearingInPrivateException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogWarning("Transcript refused: {Reason}", ex.Message); // clean exceptions
                return new BadRequestResult("Hearing in private");
            }
        });
}
