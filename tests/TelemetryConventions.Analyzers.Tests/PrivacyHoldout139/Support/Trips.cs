namespace Scholaris.Trips;

// The shapes of a school communications and trips platform (consents, parent messages).

/// <summary>A trip. Prints its id, title, date, destination, cost and places.</summary>
public sealed record SchoolTrip(string TripId, string Title, DateOnly Date, string Destination, decimal Cost, int Places);

/// <summary>A parent's consent for a trip. Prints the pupil's UPN, the parent's name and mobile and the medical notes typed by the parent.</summary>
public sealed record TripConsent(string TripId, string Upn, string ParentName, string ParentMobile, bool Consented, string? MedicalNotes);

/// <summary>A message to a parent. Prints the template, the recipient's email and mobile and the body.</summary>
public sealed record ParentMessage(string TemplateId, string ToEmail, string ToMobile, string Body);

/// <summary>A delivery receipt. Prints the message id, channel and status.</summary>
public sealed record DeliveryReceipt(string MessageId, string Channel, string Status);

public interface IParentMessenger
{
    Task<DeliveryReceipt> SendAsync(ParentMessage message, CancellationToken cancellationToken = default);
}

/// <summary>A message could not be delivered; the message quotes the recipient's address or number.</summary>
public sealed class MessageDeliveryException(string recipient, string status)
    : Exception($"Delivery to {recipient} failed: {status}")
{
    public string Status { get; } = status;
}

/// <summary>The trip is full; the message quotes the trip and its places.</summary>
public sealed class TripFullException(string tripId, int places) : Exception($"Trip {tripId} is full ({places} places)")
{
    public string TripId { get; } = tripId;
}
