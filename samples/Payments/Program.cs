using Payments;

Console.OutputEncoding = System.Text.Encoding.UTF8;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await PaymentsSample.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
