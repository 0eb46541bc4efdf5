namespace HighStreet.Shop;

// A high-street pharmacy's online shop, contact lens subscriptions and click-and-collect prescriptions.

/// <summary>An online customer. Prints customer number, name, email, date of birth and postcode.</summary>
public sealed record OnlineCustomer(string CustomerNumber, string Name, string Email, DateOnly DateOfBirth, string Postcode);

/// <summary>A pharmacy medicine questionnaire. Prints questionnaire id, customer number, SKU, answers, approval and the pharmacist's GPhC number.</summary>
public sealed record MedicineQuestionnaire(string QuestionnaireId, string CustomerNumber, string Sku, IReadOnlyList<string> Answers, bool Approved, string PharmacistGphcNumber);

/// <summary>A contact lens subscription. Prints subscription number, customer number, brand, both powers and the prescription's expiry.</summary>
public sealed record LensSubscription(string SubscriptionNumber, string CustomerNumber, string Brand, string RightPower, string LeftPower, DateOnly PrescriptionExpiry);

/// <summary>A prescription waiting for collection. Prints order id, store, NHS number, surname and bag count.</summary>
public sealed record CollectionOrder(string OrderId, string Store, string NhsNumber, string Surname, int Bags);

public interface ICustomerStore
{
    Task<OnlineCustomer?> FindAsync(string customerNumber, CancellationToken cancellationToken = default);
}

/// <summary>The payment service and the lens supplier: not telemetry.</summary>
public interface ILensSupplier
{
    Task<string> ShipAsync(LensSubscription subscription, CancellationToken cancellationToken = default);
}

public interface ICollectionStore
{
    Task<CollectionOrder?> FindAsync(string orderId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CollectionOrder>> UncollectedAsync(string store, CancellationToken cancellationToken = default);
}

/// <summary>A customer bought over the limit; quotes the customer and the SKU.</summary>
public sealed class PurchaseLimitException(string customerNumber, string sku) : Exception($"Customer {customerNumber} reached the limit for {sku}");

/// <summary>The lens prescription has expired; quotes the subscription number.</summary>
public sealed class PrescriptionExpiredException(string subscriptionNumber) : Exception($"Subscription {subscriptionNumber}: lens prescription expired");

/// <summary>A SKU is out of stock; quotes SKU and store.</summary>
public sealed class OutOfStockException(string sku, string store) : Exception($"{sku} is out of stock at {store}");
