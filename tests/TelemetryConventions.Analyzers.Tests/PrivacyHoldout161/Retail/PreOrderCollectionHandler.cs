namespace PrivacyHoldout161.Retail;

/// <summary>Prepares click-and-collect pre-orders for the passenger's flight and checks the allowance.</summary>
public sealed class PreOrderCollectionHandler(IBookingStore bookings, Pseudonymizer pseudonymizer, ILogger<PreOrderCollectionHandler> logger)
{
    private static readonly ActivitySource Source = new("DutyFree.PreOrders");

    public async Task PrepareAsync(PreOrder order, string loyaltyNumber, CancellationToken cancellationToken)
    {
        using var span = Source.StartDutyfreeOperation(order.CollectionPoint);
        span.SetDutyfreeShopperId(pseudonymizer.PseudonymizeDutyfreeShopperId(loyaltyNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("preorder.id", order.OrderId); // clean precision-names
        Activity.Current?.SetTag("preorder.collection_point", order.CollectionPoint); // clean precision-names
        Activity.Current?.SetTag("preorder.pnr", order.Pnr); // leak TC1001 direct
        Activity.Current?.SetTag(DutyfreeAttributes.Contact, order.Email); // leak TC1001 generated-api
        logger.LogInformation("Pre-order {@Order}", order); // leak TC1001 logging-objects

        var booking = await bookings.FindAsync(order.Pnr, cancellationToken);
        if (booking is null)
        {
            span.SetDutyfreeOutcome("no_booking"); // clean generated-api
            span.SetDutyfreeNote($"pre-order {order.OrderId} for {order.FlightNumber}"); // clean generated-api
            return;
        }

        try
        {
            var total = booking.Total;
            if (total > 430m)
            {
                throw new AllowanceExceededException(booking.Passengers[0].GivenName + " " + booking.Passengers[0].FamilyName, total - 430m);
            }
        }
        catch (AllowanceExceededException ex)
        {
            span.SetDutyfreeNote(ex.Message); // leak TC1001 exceptions
            logger.LogDutyfreeOperationFailedEvent(order.CollectionPoint, "over_allowance", dutyfreeShopperId: pseudonymizer.PseudonymizeDutyfreeShopperId(loyaltyNumber)); // clean precision-pseudonym
            logger.LogWarning("Over allowance: {Error}", ex.GetType().Name); // clean exceptions
        }
        catch (SkuUnavailableException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        Activity.Current?.SetTag("preorder.shopper", Pseudonym.FromComputed(loyaltyNumber).ToString()); // leak TC1001 precision-pseudonym
        span.SetDutyfreeItemCount(booking.Passengers.Count); // clean generated-api
    }
}
