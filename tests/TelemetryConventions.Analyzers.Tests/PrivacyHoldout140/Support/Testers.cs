namespace PrivacyHoldout140.Support.Testers;

// The shapes of a retailer's product tester club: testers, patch-test kits, reaction reports.

/// <summary>A product tester. Prints the tester id, the loyalty card number, the name, the email, the skin type and the full postcode.</summary>
public sealed record ProductTester(string TesterId, string LoyaltyCardNumber, string Name, string Email, string SkinType, string Postcode);

/// <summary>A kit sent to testers. Prints the kit id, the SKU, the formula batch and the variant.</summary>
public sealed record TesterKit(string KitId, string Sku, string Batch, string Variant);

/// <summary>A reaction reported by a tester. Prints the report id, the tester id, the SKU, the severity and the tester's description.</summary>
public sealed record ReactionReport(string ReportId, string TesterId, string Sku, string Severity, string Description);

/// <summary>A tester's delivery. Prints the shipment id, the kit id, the carrier and the tracking number.</summary>
public sealed record KitShipmentLabel(string ShipmentId, string KitId, string Carrier, string TrackingNumber);

/// <summary>The tester has too many open trials; the message quotes the tester id.</summary>
public sealed class TesterOverCommittedException(string testerId) : Exception($"Tester {testerId} already has three open trials");

/// <summary>The formula batch is on hold; the message quotes the SKU and batch.</summary>
public sealed class BatchOnHoldException(string sku, string batch) : Exception($"{sku} batch {batch} is on quality hold");
