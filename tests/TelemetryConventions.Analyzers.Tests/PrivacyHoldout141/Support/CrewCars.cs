namespace PrivacyHoldout141.Support;

// A broadcaster's crew cars: account taxis and chauffeured cars booked by productions for crew,
// presenters and contributors, and the taxi firms' monthly invoices.

/// <summary>A crew car booking. Prints the booking ref, the passenger's staff or contributor id, name and mobile, the production, the pickup address, the studio, the time, the account and whether the passenger is a contributor.</summary>
public sealed record CrewCarBooking(
    string BookingRef,
    string PassengerId,
    string PassengerName,
    string PassengerMobile,
    string ProductionCode,
    string PickupAddress,
    string StudioCode,
    DateTimeOffset PickupAt,
    string AccountCode,
    bool Contributor);

/// <summary>A line of a taxi firm's invoice. Prints the invoice, the booking ref, the driver's badge, the amounts and the firm's note.</summary>
public sealed record TaxiInvoiceLine(string InvoiceNumber, string BookingRef, string DriverBadge, decimal Amount, decimal WaitingCharge, string? FirmNote);

/// <summary>An invoice's totals. Prints the invoice, the firm, the number of lines and the total.</summary>
public sealed record InvoiceSummary(string InvoiceNumber, string FirmCode, int Lines, decimal Total);

public interface ICrewCarFirmClient
{
    Task<string> BookAsync(CrewCarBooking booking, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TaxiInvoiceLine>> GetInvoiceLinesAsync(string invoiceNumber, CancellationToken cancellationToken = default);

    Task<CrewCarBooking?> FindBookingAsync(string bookingRef, CancellationToken cancellationToken = default);

    Task QueryLineAsync(string invoiceNumber, string bookingRef, string reason, CancellationToken cancellationToken = default);
}

/// <summary>The production's car budget is spent; the message quotes the production and the amount.</summary>
public sealed class BookingOutsideBudgetException(string productionCode, decimal amount)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"Production {productionCode} cannot book {amount:F2} over budget"))
{
    public string ProductionCode { get; } = productionCode;
}

/// <summary>The contributor has not been cleared for travel; the message quotes the contributor's name.</summary>
public sealed class ContributorNotClearedException(string contributorName) : Exception($"Contributor {contributorName} is not cleared for travel")
{
    public string Reason { get; } = "not-cleared";
}
