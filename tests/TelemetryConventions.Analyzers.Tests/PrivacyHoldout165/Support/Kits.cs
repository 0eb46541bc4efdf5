namespace PrivacyHoldout165.Support;

// A retailer's DNA test kits: orders, activation and family history subscriptions.

/// <summary>A kit order. Prints order id, customer number, email, delivery postcode and product.</summary>
public sealed record KitOrder(string OrderId, string CustomerNumber, string Email, string Postcode, string Product, int Quantity);

/// <summary>A kit activation. Prints kit id, the activation code, the customer number and the tester's name.</summary>
public sealed record KitActivation(string KitId, string ActivationCode, string CustomerNumber, string TesterName, DateOnly TesterDateOfBirth);

/// <summary>A family history subscription. Prints subscription id, customer number, plan and renewal date.</summary>
public sealed record FamilySubscription(string SubscriptionId, string CustomerNumber, string Email, string Plan, DateOnly RenewsOn);

/// <summary>What a renewal charged. Prints subscription id, plan and amount; names no one.</summary>
public sealed record RenewalReceipt(string SubscriptionId, string Plan, decimal Amount);

public interface IKitOrders
{
    Task<KitOrder?> FindAsync(string orderId, CancellationToken cancellationToken = default);

    Task<KitActivation> ActivateAsync(string kitId, string activationCode, string customerNumber, CancellationToken cancellationToken = default);
}

public interface ISubscriptionBilling
{
    Task<RenewalReceipt> RenewAsync(FamilySubscription subscription, CancellationToken cancellationToken = default);
}

/// <summary>An activation code was already used; quotes the code.</summary>
public sealed class ActivationCodeUsedException(string activationCode) : Exception($"Activation code {activationCode} was already used");

/// <summary>The card was declined; quotes a reason code.</summary>
public sealed class CardDeclinedException(string reasonCode) : Exception($"Card declined: {reasonCode}");

/// <summary>The product is out of stock; quotes the SKU.</summary>
public sealed class KitOutOfStockException(string sku) : Exception($"{sku} is out of stock");
