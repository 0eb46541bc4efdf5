// A ticketing platform's client, in the shape of the event and transit ticketing SDKs the services use:
// tickets with their holders, signed barcode payloads (a compact JWS: header.claims.signature, base64url),
// transfers and resale listings, will-call lookups and season memberships.
namespace TicketKit;

/// <summary>
/// A ticket as the platform stores it. <c>Barcode</c> is the text of its current barcode, the signed payload
/// (see <see cref="TicketClaims"/>). A record: logged as a value it prints every member.
/// </summary>
public sealed record Ticket(
    string TicketId,
    string EventId,
    string Section,
    string Row,
    string Seat,
    string HolderName,
    string HolderEmail,
    string AccountId,
    string Barcode);

/// <summary>The claims of a signed ticket payload, as the platform writes them into the barcode.</summary>
/// <remarks>
/// <c>tid</c> the ticket id, <c>evt</c> the event, <c>sub</c> the holder's account id, <c>nam</c> the
/// holder's name as printed on the ticket, <c>nbf</c>/<c>exp</c> the validity. A record: it prints them all.
/// </remarks>
public sealed record TicketClaims(
    string TicketId,
    string EventId,
    string Subject,
    string HolderName,
    DateTimeOffset NotBefore,
    DateTimeOffset Expires);

/// <summary>A decoded barcode payload. A class: logged as a value it prints its type's name.</summary>
public sealed class SignedTicketPayload
{
    /// <summary>The whole text scanned from the barcode: <c>header.claims.signature</c>.</summary>
    public required string Compact { get; init; }

    /// <summary>The id of the platform's signing key (the JWS <c>kid</c>).</summary>
    public required string KeyId { get; init; }

    /// <summary>The signature algorithm (<c>ES256</c>).</summary>
    public required string Algorithm { get; init; }

    public required TicketClaims Claims { get; init; }

    /// <summary>The first segment: the base64url JSON header, the same for every ticket signed with a key.</summary>
    public string Header => Compact[..Compact.IndexOf('.')];

    /// <summary>The last segment: the signature.</summary>
    public string Signature => Compact[(Compact.LastIndexOf('.') + 1)..];
}

public static class TicketCodec
{
    /// <summary>Splits and decodes a scanned payload; throws <see cref="TicketFormatException"/> when it is not three segments.</summary>
    public static SignedTicketPayload Decode(string scanned)
    {
        var parts = scanned.Split('.');
        if (parts.Length != 3)
        {
            throw new TicketFormatException(parts.Length);
        }
        return new SignedTicketPayload
        {
            Compact = scanned,
            KeyId = "k1",
            Algorithm = "ES256",
            Claims = new TicketClaims("", "", "", "", DateTimeOffset.MinValue, DateTimeOffset.MaxValue),
        };
    }

    /// <summary>Checks the signature with the platform's public keys; throws <see cref="TicketSignatureException"/>.</summary>
    public static void Verify(SignedTicketPayload payload, IReadOnlyDictionary<string, ECDsa> keys)
    {
        if (!keys.ContainsKey(payload.KeyId))
        {
            throw new TicketSignatureException(payload.KeyId);
        }
    }
}

/// <summary>Thrown by <see cref="TicketCodec.Decode"/>: <c>A ticket payload has three segments; this one has {n}.</c></summary>
public sealed class TicketFormatException(int segments)
    : Exception($"A ticket payload has three segments; this one has {segments}.")
{
    public int Segments { get; } = segments;
}

/// <summary>Thrown by <see cref="TicketCodec.Verify"/>: <c>No key '{kid}' to verify the ticket's signature.</c></summary>
public sealed class TicketSignatureException(string keyId)
    : Exception($"No key '{keyId}' to verify the ticket's signature.")
{
    public string KeyId { get; } = keyId;
}

/// <summary>A transfer of a ticket from one holder to another. A record: it prints both people.</summary>
public sealed record TicketTransfer(
    Guid TransferId,
    string TicketId,
    string FromAccountId,
    string ToEmail,
    DateTimeOffset RequestedAt);

/// <summary>Thrown by the platform when a transfer is refused: <c>Transfer of {ticket} to {email} refused: {reason}.</c></summary>
public sealed class TransferRefusedException(string ticketId, string toEmail, string reason)
    : Exception($"Transfer of {ticketId} to {toEmail} refused: {reason}.")
{
    public string TicketId { get; } = ticketId;

    /// <summary>A code from the platform's list: <c>not-transferable</c>, <c>event-started</c>, <c>limit-reached</c>.</summary>
    public string Reason { get; } = reason;
}

/// <summary>A ticket offered for resale on the platform's exchange.</summary>
public sealed record ResaleListing(Guid ListingId, string TicketId, string EventId, decimal FaceValue, decimal AskingPrice, string SellerAccountId);

/// <summary>Thrown when a resale is priced above the face-value cap: <c>Listing {id} asks {price}; the cap is {cap}.</c></summary>
public sealed class PriceCapExceededException(Guid listingId, decimal asking, decimal cap)
    : Exception($"Listing {listingId} asks {asking}; the cap is {cap}.");

/// <summary>A box-office or will-call search. A record: it prints what was searched for.</summary>
public sealed record WillCallQuery(string? Surname, string? Email, string? OrderNumber, string EventId);

/// <summary>A will-call envelope found for a query: the order, the number of tickets and the window.</summary>
public sealed record WillCallMatch(string OrderNumber, int Tickets, string Window);

/// <summary>A season ticket or membership. A record: it prints the member.</summary>
public sealed record SeasonMembership(string SeasonTicketId, string MemberNumber, string MemberName, string Tier, int SeatsHeld, DateOnly RenewsOn);

/// <summary>Thrown by the platform's membership lookup: <c>No membership for member {number}.</c></summary>
public sealed class MembershipNotFoundException(string memberNumber)
    : Exception($"No membership for member {memberNumber}.");

public interface ITicketStore
{
    Task<Ticket?> FindAsync(string ticketId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ticket>> FindByHolderAsync(string accountId, CancellationToken cancellationToken);

    Task<IReadOnlyList<WillCallMatch>> SearchWillCallAsync(WillCallQuery query, CancellationToken cancellationToken);

    Task ReissueAsync(Ticket ticket, string newHolderAccountId, CancellationToken cancellationToken);
}
