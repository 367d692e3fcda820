// The `wechatpay` command: see WeChatPayTool for the commands and ExitCodes for what each exit code means.
return await WeChatPay.Tool.WeChatPayTool.InvokeAsync(args, Console.Out, Console.Error);
