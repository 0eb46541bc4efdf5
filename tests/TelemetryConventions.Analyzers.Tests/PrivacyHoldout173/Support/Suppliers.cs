namespace Weddings.Suppliers;

/// <summary>A booking with a supplier (caterer, florist, band): booking id, supplier id and trading name, category, deposit and date. Names no person.</summary>
public sealed record SupplierBooking(string BookingId, string SupplierId, string SupplierName, string Category, decimal Deposit, DateOnly EventDate);

/// <summary>The supplier's named contact: prints the supplier id, the contact's name and email.</summary>
public sealed record SupplierContact(string SupplierId, string ContactName, string ContactEmail);

/// <summary>Final numbers sent to the caterer: event id, covers and counts per diet code; names no one.</summary>
public sealed record CateringNumbers(string EventId, int Covers, IReadOnlyDictionary<string, int> ByDietCode);

/// <summary>The supplier declined the booking; quotes the supplier and a reason code.</summary>
public sealed class SupplierDeclinedException(string supplierId, string reasonCode) : Exception($"Supplier {supplierId} declined: {reasonCode}");

/// <summary>The caterer's portal is down; a fixed text.</summary>
public sealed class CatererPortalUnavailableException() : Exception("503 Service Unavailable: the caterer portal is in maintenance");
