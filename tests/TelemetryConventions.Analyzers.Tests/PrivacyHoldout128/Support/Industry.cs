namespace HouseholdKit;

/// <summary>A request for proxy access to a patient's GP record. Prints its members: request id, NHS number, proxy's name and email, relationship, consent.</summary>
public sealed record ProxyAccessRequest(string RequestId, string NhsNumber, string ProxyName, string ProxyEmail, string Relationship, bool PatientConsented, string PracticeCode);

/// <summary>The identity check of a proxy. Prints its members: check id, method, level, passed.</summary>
public sealed record IdentityCheck(string CheckId, string Method, string Level, bool Passed);

/// <summary>A guardian as the school's MIS holds them. Prints its members: contact id, student number, name, email, mobile, priority, parental responsibility.</summary>
public sealed record GuardianContact(string ContactId, string StudentNumber, string FullName, string Email, string Mobile, int Priority, bool ParentalResponsibility);

/// <summary>A home move. Prints its members: account number, move date, closing reading, the new address's postcode and whether the new home is supplied by us.</summary>
public sealed record HomeMove(string AccountNumber, DateOnly MoveDate, int ClosingReading, string NewPostcode, bool NewHomeSupplied);

/// <summary>A nominee on the priority services register. Prints its members: account, nominee name, phone, needs codes.</summary>
public sealed record PsrNominee(string AccountNumber, string NomineeName, string NomineePhone, IReadOnlyList<string> NeedsCodes);

/// <summary>A child's request to buy, waiting for a parent. Prints its members: request id, child's player id, SKU, price, currency.</summary>
public sealed record AskToBuyRequest(string RequestId, Guid ChildPlayerId, string Sku, decimal Price, string Currency);

/// <summary>A device seen on a streaming account. Prints its members: device id, class, the home network's public IP, last seen.</summary>
public sealed record AccountDevice(string DeviceId, string DeviceClass, string HomeIp, DateTimeOffset LastSeen);

/// <summary>A teen's order waiting for the approving adult. Prints its members: order id, teen's customer number, total, item count.</summary>
public sealed record PendingApproval(string OrderId, string TeenCustomerNumber, decimal Total, int ItemCount);

/// <summary>An address in the shared address book. Prints its members: label, recipient name, lines, postcode.</summary>
public sealed record SharedAddress(string Label, string RecipientName, string Line1, string Town, string Postcode);

/// <summary>A dependant's travel card linked to a parent's account. Prints its members: card number, dependant's rider id, product, parent's rider id.</summary>
public sealed record DependantCard(string CardNumber, Guid DependantRiderId, string Product, Guid ParentRiderId);

/// <summary>A railcard's holders. Prints its members: railcard number, first and second holders' names, expiry.</summary>
public sealed record FamilyRailcard(string RailcardNumber, string FirstHolder, string? SecondHolder, DateOnly Expires);

/// <summary>The card was hotlisted. Quotes the card number.</summary>
public sealed class CardHotlistedException(string cardNumber)
    : Exception($"Card {cardNumber} is hotlisted")
{
    public string CardNumber { get; } = cardNumber;
}

/// <summary>The patient is 16 or over and must consent in person. Quotes the NHS number.</summary>
public sealed class ConsentRequiredException(string nhsNumber)
    : Exception($"Patient {nhsNumber} is 16 or over; proxy access needs their consent")
{
}

/// <summary>The spending limit would be passed. Quotes the limit and the amount.</summary>
public sealed class SpendingLimitException(decimal limit, decimal amount)
    : Exception($"Monthly limit {limit} would be passed by {amount}")
{
}
