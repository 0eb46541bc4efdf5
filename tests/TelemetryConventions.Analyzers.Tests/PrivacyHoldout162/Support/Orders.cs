namespace Food.Orders;

/// <summary>A marketplace customer.</summary>
public sealed record Customer(string CustomerNumber, Guid Id, string FirstName, string LastName, string Email, string Phone, string Postcode, string LoyaltyTier);

/// <summary>A takeaway order as the customer placed it.</summary>
public sealed record TakeawayOrder(string OrderId, string CustomerNumber, string RestaurantId, int Items, decimal Total, string DeliveryAddress, string DeliveryPostcode, string? AllergyNote);

/// <summary>What the kitchen sees of an order: no customer.</summary>
public sealed record OrderSummary(string OrderId, string RestaurantId, int Items, decimal Total, string Status);

/// <summary>A dish on a menu with its declared allergens.</summary>
public sealed record Dish(string Sku, string Name, string[] Allergens, decimal Price);

/// <summary>A loyalty member.</summary>
public sealed record LoyaltyMember(string MemberNumber, string Email, int Points, string Tier);

/// <summary>A points award: the member and what they earned.</summary>
public sealed record PointsAward(string MemberNumber, string OrderId, int Points);

/// <summary>The result of redeeming a voucher: no member.</summary>
public sealed record RedemptionResult(string VoucherCode, bool Accepted, string ReasonCode);

/// <summary>A hospital patient's meal order on a ward.</summary>
public sealed record WardMealOrder(string Mrn, string PatientName, string Ward, string Bed, string MenuCode, string[] Allergens, string DietCode);

/// <summary>A ward's meal round: counts only.</summary>
public sealed record MealRound(string Ward, string Round, int Meals, int Specials);

/// <summary>A pupil with a cashless canteen account.</summary>
public sealed record Pupil(string StudentNumber, string Name, string YearGroup, string DietCode, string ParentEmail, decimal Balance);

/// <summary>A canteen till's sale.</summary>
public sealed record TillSale(string TillId, string StudentNumber, string MealCode, decimal Amount);

/// <summary>A till's end-of-service totals.</summary>
public sealed record TillTotals(string TillId, int Meals, decimal Takings, int FreeMeals);

public sealed class CustomerNotFoundException(string customerNumber)
    : Exception($"No customer with number {customerNumber}.");

public sealed class RestaurantClosedException(string restaurantId, DateTimeOffset at)
    : Exception($"Restaurant {restaurantId} is closed at {at:HH:mm}.");

public sealed class PaymentDeclinedException(string orderId, string reasonCode)
    : Exception($"Payment for order {orderId} declined: {reasonCode}.");

public sealed class AllergenConflictException(string mrn, string allergen)
    : Exception($"Meal for patient {mrn} contains {allergen}.");

public sealed class BalanceTooLowException(string studentNumber, decimal balance)
    : Exception($"Pupil {studentNumber} has only {balance:C}.");

public sealed class LoyaltyFraudException(string email)
    : Exception($"Loyalty account {email} flagged for voucher abuse.");

public sealed class OutOfStockException(string sku)
    : Exception($"Dish {sku} is out of stock.");

public interface ICustomerDirectory
{
    Task<Customer?> FindAsync(string customerNumber, CancellationToken cancellationToken);
}

public interface IOrderStore
{
    Task SaveAsync(TakeawayOrder order, CancellationToken cancellationToken);

    Task<TakeawayOrder?> GetAsync(string orderId, CancellationToken cancellationToken);
}

public interface IMessenger
{
    Task TextAsync(string phone, string body, CancellationToken cancellationToken);

    Task EmailAsync(string email, string templateId, CancellationToken cancellationToken);
}
