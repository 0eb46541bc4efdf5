namespace Salon.Avatars;

// A life-sim game's barber and tattoo parlour: custom tattoo designs, style purchases and the salon-tycoon mode.

/// <summary>A player. Prints player id, gamertag, email and country.</summary>
public sealed record PlayerProfile(Guid PlayerId, string Gamertag, string Email, string Country);

/// <summary>A player's custom tattoo design. Prints upload id, player id, gamertag, design name, size and caption.</summary>
public sealed record TattooUpload(string UploadId, Guid PlayerId, string Gamertag, string DesignName, int Width, int Height, string Caption);

/// <summary>The moderation verdict on an upload. Prints upload id, category, score and whether it was blocked.</summary>
public sealed record ModerationVerdict(string UploadId, string Category, double Score, bool Blocked);

/// <summary>A hairstyle or tattoo purchase. Prints purchase id, player id, SKU, price and currency.</summary>
public sealed record StylePurchase(string PurchaseId, Guid PlayerId, string Sku, decimal Price, string Currency);

/// <summary>A shift in the salon-tycoon mode. Prints shift id, level, in-game customers served and tips.</summary>
public sealed record SalonShift(string ShiftId, string Level, int Customers, int Tips);

/// <summary>The moderation service and the store; not telemetry.</summary>
public interface IDesignModeration
{
    Task<ModerationVerdict> ReviewAsync(TattooUpload upload, CancellationToken cancellationToken = default);

    Task BanUploadsAsync(Guid playerId, TimeSpan period, CancellationToken cancellationToken = default);
}

/// <summary>A player banned from uploads; quotes the gamertag.</summary>
public sealed class UploadBannedException(string gamertag) : Exception($"{gamertag} is banned from uploading designs");

/// <summary>A design over the size limit; quotes the size.</summary>
public sealed class DesignTooLargeException(int width, int height) : Exception($"Design {width}x{height} is over 1024x1024");

/// <summary>The store declined a purchase; quotes the purchase and a code.</summary>
public sealed class PurchaseDeclinedException(string purchaseId, string code) : Exception($"Purchase {purchaseId} declined ({code})");
