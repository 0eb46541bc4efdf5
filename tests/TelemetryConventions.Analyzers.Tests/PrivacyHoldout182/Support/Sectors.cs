namespace Counter.Sectors;

/// <summary>A patient-owned mobility aid bought back for refurbishment: NHS number, patient name, the aid's serial, type, service, offer.</summary>
public sealed record MobilityBuyBack(string NhsNumber, string PatientName, string AidSerial, string AidType, string Service, decimal Offer);

/// <summary>A hearing aid handed back: NHS number, the aid's serial, clinic, model.</summary>
public sealed record HearingAidReturn(string NhsNumber, string AidSerial, string Clinic, string Model);

/// <summary>A student's laptop bought back: student number, name, email, the laptop's serial, model, grade, offer.</summary>
public sealed record LaptopBuyBack(string StudentNumber, string StudentName, string StudentEmail, string LaptopSerial, string Model, string Grade, decimal Offer);

/// <summary>A textbook bought back: student number, ISBN, condition, offer.</summary>
public sealed record TextbookBuyBack(string StudentNumber, string Isbn, string Condition, decimal Offer);

/// <summary>Scrap metal delivered to a yard: delivery id, seller's name, seller's address, the vehicle's registration, metal, weight, the cable's forensic marking.</summary>
public sealed record ScrapDelivery(string DeliveryId, string SellerName, string SellerAddress, string VehicleRegistration, string Metal, decimal WeightKg, string CableMarking);

/// <summary>A household meter found at a yard: meter serial, account number, yard.</summary>
public sealed record RecoveredMeter(string MeterSerial, string AccountNumber, string Yard);

/// <summary>A console traded in: player id, gamertag, the console's serial, model, offer.</summary>
public sealed record ConsoleTradeIn(string PlayerId, string Gamertag, string ConsoleSerial, string Model, decimal Offer);

/// <summary>A game traded in: player id, SKU, condition, store credit.</summary>
public sealed record GameTradeIn(string PlayerId, string Sku, string Condition, decimal Credit);

/// <summary>A camera bought back: customer number, name, body serial, lens serial, model, offer.</summary>
public sealed record CameraBuyBack(string CustomerNumber, string CustomerName, string BodySerial, string LensSerial, string Model, decimal Offer);

/// <summary>Gold bought over the counter: purchase id, customer id, carat, weight, price.</summary>
public sealed record GoldPurchase(string PurchaseId, string CustomerId, int Carat, decimal WeightGrams, decimal Price);

/// <summary>A phone sold at a buy-back kiosk: kiosk id, IMEI, the seller's licence number, the seller's thumbprint, offer.</summary>
public sealed record KioskPhoneSale(string KioskId, string Imei, string LicenceNumber, byte[] Thumbprint, decimal Offer);

/// <summary>A bike bought back at a station cycle hub: seller id, name, frame number, make, offer.</summary>
public sealed record BikeBuyBack(string SellerId, string SellerName, string FrameNumber, string Make, decimal Offer);

/// <summary>Unclaimed lost property disposed of: item id, the owner's email if known, serial, category, the dealer's lot.</summary>
public sealed record LostPropertyDisposal(string ItemId, string? OwnerEmail, string Serial, string Category, string Lot);
