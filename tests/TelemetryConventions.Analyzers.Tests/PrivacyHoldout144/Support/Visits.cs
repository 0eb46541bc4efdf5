namespace CultureHub.Visits;

// Museum memberships, timed tickets and audio guides as the ticketing platform exposes them. Records print their members.

/// <summary>A membership. Prints membership number, member's name, email, tier, validity and guest allowance.</summary>
public sealed record Membership(string MembershipNumber, string MemberName, string Email, string Tier, DateOnly ValidUntil, int GuestAllowance);

/// <summary>A membership tier. Prints code, price, guests included and whether rides are free.</summary>
public sealed record MembershipTier(string Code, decimal AnnualPrice, int GuestsIncluded, bool FreeRides);

/// <summary>A timed ticket order. Prints order id, buyer's email, slot, ticket counts and the membership number if one was given.</summary>
public sealed record TicketOrder(string OrderId, string BuyerEmail, DateTimeOffset Slot, int Adults, int Children, int Concessions, string? MembershipNumber);

/// <summary>One ticket of an order. Prints ticket barcode, order id, slot and ticket type.</summary>
public sealed record TimedTicket(string TicketBarcode, string OrderId, DateTimeOffset Slot, string Type);

/// <summary>A slot's capacity. Prints slot, capacity and sold.</summary>
public sealed record SlotAvailability(DateTimeOffset Slot, int Capacity, int Sold);

/// <summary>A renewal due. Prints membership number, email, validity and tier.</summary>
public sealed record RenewalNotice(string MembershipNumber, string Email, DateOnly ValidUntil, string Tier);

/// <summary>A Gift Aid declaration. Prints membership number, full name, house number, postcode and date.</summary>
public sealed record GiftAidDeclaration(string MembershipNumber, string FullName, string HouseNumber, string Postcode, DateOnly DeclaredOn);

/// <summary>An audio guide session in the visitor's app. Prints session id, the app installation's id, language, tour and stops played.</summary>
public sealed record AudioGuideSession(string SessionId, string AppInstallId, string Language, string Tour, int StopsPlayed);

/// <summary>One stop played on a museum handset. Prints stop, language, seconds listened and the handset's asset tag.</summary>
public sealed record AudioGuidePlay(int StopNumber, string Language, int SecondsListened, string HandsetTag);

public interface IMembershipStore
{
    Task<Membership?> FindAsync(string membershipNumber, CancellationToken cancellationToken = default);

    Task<Membership> RenewAsync(string membershipNumber, string tier, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RenewalNotice>> DueAsync(DateOnly within, CancellationToken cancellationToken = default);

    Task<MembershipTier> TierAsync(string code, CancellationToken cancellationToken = default);

    Task<GiftAidDeclaration?> GiftAidAsync(string membershipNumber, CancellationToken cancellationToken = default);
}

public interface ITicketing
{
    Task<IReadOnlyList<TimedTicket>> BuyAsync(TicketOrder order, CancellationToken cancellationToken = default);

    Task<SlotAvailability> AvailabilityAsync(DateTimeOffset slot, CancellationToken cancellationToken = default);

    Task<TimedTicket?> ScanAsync(string barcode, string gate, CancellationToken cancellationToken = default);
}

/// <summary>The membership has lapsed; quotes the membership number and the date.</summary>
public sealed class MembershipLapsedException(string membershipNumber, DateOnly lapsedOn) : Exception($"Membership {membershipNumber} lapsed on {lapsedOn:yyyy-MM-dd}")
{
    public DateOnly LapsedOn { get; } = lapsedOn;
}

/// <summary>The slot is sold out; quotes the slot.</summary>
public sealed class SlotSoldOutException(DateTimeOffset slot) : Exception($"Slot {slot:yyyy-MM-dd HH:mm} is sold out")
{
    public DateTimeOffset Slot { get; } = slot;
}

/// <summary>The ticket was already scanned; quotes the ticket barcode and the gate.</summary>
public sealed class TicketAlreadyUsedException(string ticketBarcode, string gate) : Exception($"Ticket {ticketBarcode} already used at {gate}")
{
    public string Gate { get; } = gate;
}
