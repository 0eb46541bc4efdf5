namespace PrivacyHoldout173.Retail;

/// <summary>The wedding supplier marketplace's bookings table: couples book caterers, florists and bands through the store.</summary>
public sealed class SupplierMarketplaceRepository(
    ILogger<SupplierMarketplaceRepository> logger,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Retailer.Marketplace.Suppliers");
    private static readonly Meter Meter = new("Retailer.Marketplace.Suppliers");
    private static readonly Counter<long> Saved = Meter.CreateCounter<long>("marketplace.bookings.saved");

    private readonly Dictionary<string, SupplierBooking> _bookings = new();
    private SupplierContact? _escalatedContact;

    public Task SaveAsync(SupplierBooking booking, string coupleId)
    {
        using var activity = Source.StartActivity("marketplace.booking.save");
        activity?.SetTag("db.operation.name", "INSERT"); // clean precision-names
        activity?.SetTag("marketplace.supplier", booking.SupplierId); // clean precision-about
        activity?.SetTag("marketplace.supplier.name", booking.SupplierName); // clean precision-about
        activity?.SetTag("marketplace.category", booking.Category); // clean precision-about
        activity?.SetTag("marketplace.couple", coupleId); // leak TC1001 direct
        Saved.Add(1, new KeyValuePair<string, object?>("category", booking.Category), new KeyValuePair<string, object?>("supplier", booking.SupplierId)); // clean precision-about

        _bookings[coupleId] = booking;
        logger.LogInformation("Booking saved {Booking}", booking); // clean logging-objects
        logger.LogDebug("Bookings by couple {Bookings}", _bookings.Keys.ToList()); // leak TC1001 cross-member

        var couple = pseudonymizer.PseudonymizeBridalstoreCoupleId(coupleId);
        using (logger.BeginScope(new { Couple = couple, booking.BookingId })) // clean precision-pseudonym
        {
            logger.LogInformation("Deposit of {Deposit} taken", booking.Deposit); // clean precision-about
        }
        return Task.CompletedTask;
    }

    public void Escalate(SupplierContact contact, string reason)
    {
        _escalatedContact = contact;
        logger.LogWarning("Escalated to {Contact}: {Reason}", contact, reason); // leak TC1001 logging-objects
        logger.LogWarning("Escalated to supplier {SupplierId}: {Reason}", contact.SupplierId, reason); // clean precision-about
    }

    public void ReportEscalation() =>
        Activity.Current?.SetTag("marketplace.escalated_to", _escalatedContact?.ContactEmail); // leak TC1001 cross-member

    public void Deposit(string lastFour, string reason)
    {
        try
        {
            throw new DepositDeclinedException(lastFour, reason);
        }
        catch (DepositDeclinedException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogError(ex, "Deposit declined"); // clean exceptions
        }
    }
}
