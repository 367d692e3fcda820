namespace WeChatPay.Apis.Tests.TestSupport;

/// <summary>Answers shaped like the examples of WeChat Pay's API documentation (values changed, fields kept).</summary>
public static class Samples
{
    public const string Transaction = """
        {
          "amount": {"currency": "CNY", "payer_currency": "CNY", "payer_total": 90, "total": 100},
          "appid": "wxd678efh567hg6787",
          "attach": "自定义数据",
          "bank_type": "CMC",
          "mchid": "1230000109",
          "out_trade_no": "1217752501201407033233368018",
          "payer": {"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
          "promotion_detail": [
            {
              "amount": 10, "coupon_id": "109519", "currency": "CNY",
              "goods_detail": [{"discount_amount": 1, "goods_id": "M1006", "goods_remark": "商品备注信息", "quantity": 1, "unit_price": 100}],
              "merchant_contribute": 0, "name": "单品惠-6", "other_contribute": 0, "scope": "GLOBAL", "stock_id": "931386",
              "type": "CASH", "wechatpay_contribute": 10
            }
          ],
          "scene_info": {"device_id": "013467007045764"},
          "success_time": "2018-06-08T10:34:56+08:00",
          "trade_state": "SUCCESS",
          "trade_state_desc": "支付成功",
          "trade_type": "JSAPI",
          "transaction_id": "1217752501201407033233368018"
        }
        """;

    public const string PartnerTransaction = """
        {
          "sp_appid": "wx8888888888888888", "sp_mchid": "1230000109", "sub_appid": "wxd678efh567hg6999", "sub_mchid": "1900000109",
          "out_trade_no": "1217752501201407033233368018", "transaction_id": "1217752501201407033233368018",
          "trade_type": "MICROPAY", "trade_state": "SUCCESS", "trade_state_desc": "支付成功", "bank_type": "CMC",
          "attach": "自定义数据", "success_time": "2018-06-08T10:34:56+08:00",
          "payer": {"sp_openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "sub_openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
          "amount": {"total": 100, "payer_total": 100, "currency": "CNY", "payer_currency": "CNY"},
          "scene_info": {"device_id": "013467007045764"}
        }
        """;

    public const string CombineTransaction = """
        {
          "combine_appid": "wxd678efh567hg6787", "combine_mchid": "1900000109", "combine_out_trade_no": "P20150806125346",
          "scene_info": {"device_id": "POS1:1"},
          "sub_orders": [
            {
              "mchid": "1900000109", "trade_type": "JSAPI", "trade_state": "SUCCESS", "bank_type": "CMC", "attach": "深圳分店",
              "success_time": "2015-05-20T13:29:35+08:00", "transaction_id": "1009660380201506130728806387",
              "out_trade_no": "20150806125346", "sub_mchid": "1900000109", "sub_appid": "wxd678efh567hg6999",
              "sub_openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
              "amount": {"total_amount": 10, "payer_amount": 10, "currency": "CNY", "payer_currency": "CNY", "settlement_rate": 100000000}
            }
          ],
          "combine_payer_info": {"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}
        }
        """;

    public const string Refund = """
        {
          "refund_id": "50000000382019052709732678859", "out_refund_no": "1217752501201407033233368018",
          "transaction_id": "1217752501201407033233368018", "out_trade_no": "1217752501201407033233368018",
          "channel": "ORIGINAL", "user_received_account": "招商银行信用卡0403",
          "success_time": "2020-12-01T16:18:12+08:00", "create_time": "2020-12-01T16:18:12+08:00",
          "status": "SUCCESS", "funds_account": "UNSETTLED",
          "amount": {
            "total": 100, "refund": 100, "from": [{"account": "AVAILABLE", "amount": 444}],
            "payer_total": 90, "payer_refund": 90, "settlement_refund": 100, "settlement_total": 100, "discount_refund": 10,
            "currency": "CNY", "refund_fee": 100
          },
          "promotion_detail": [
            {
              "promotion_id": "109519", "scope": "SINGLE", "type": "DISCOUNT", "amount": 5, "refund_amount": 100,
              "goods_detail": [{"merchant_goods_id": "1217752501201407033233368018", "wechatpay_goods_id": "1001", "goods_name": "iPhone6s 16G",
                "unit_price": 100, "refund_amount": 100, "refund_quantity": 1}]
            }
          ]
        }
        """;

    public const string RefundNotice = """
        {
          "mchid": "1900000100", "transaction_id": "1008450740201411110005820873", "out_trade_no": "20150806125346",
          "refund_id": "50200207182018070300011301001", "out_refund_no": "7752501201407033233368018",
          "refund_status": "SUCCESS", "success_time": "2018-06-08T10:34:56+08:00",
          "user_received_account": "招商银行信用卡0403",
          "amount": {"total": 999, "refund": 999, "payer_total": 999, "payer_refund": 999}
        }
        """;

    public const string Bill = """
        {"hash_type": "SHA1", "hash_value": "79bb0f45fc4c42234a918000b2668d689e2bde04", "download_url": "https://api.mch.weixin.qq.com/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO"}
        """;

    public const string SubMerchantFundFlowBill = """
        {
          "download_bill_count": 1,
          "download_bill_list": [
            {
              "bill_sequence": 1, "download_url": "https://api.mch.weixin.qq.com/v3/billdownload/file?token=xxx",
              "encrypt_key": "a0YK7p/9XaKzE9N4qtFfG/9za1oqKlLXXJWBkH+kX84onAs2Ol/E1fk+6S+FuBXczGDRU8I8D+6PfbwKYBGm0wANUTqHOSezzfbieIo2t51UIId7sP9SoN38W2+IcYDviIsu59KSdyiL3TY2xqZNT8UDcnMWzTNZdSv+CLsSgblB6OKGN9JONTadOqyqs+OkD3HzlRPmkK4Xc8hl7Uyf9wNmcXjkcORxTlXmxwHSkQwIhwhVAgg+mdTZH4Uit6AYQmhBgdNpthAH6jdCqLgYQoaeQmqHIzb8hZ0w6wbA0qK2G2kHkgglp+fVVCl2Upk4CuUDU6RTqvnKt0yMTqJhqg==",
              "hash_type": "SHA1", "hash_value": "8ae872c0a2eb2d8cb9d4b7e4c6d89ef8ad6d2cd1", "nonce": "750f2d8e1ea3"
            }
          ]
        }
        """;

    /// <summary>The decrypted resource of a 代金券 COUPON.USE notification, times with milliseconds as the documentation shows them.</summary>
    public const string FavorCouponUse = """
        {
          "stock_creator_mchid": "9800064",
          "stock_id": "9865888",
          "coupon_id": "98674556",
          "singleitem_discount_off": {"single_price_max": 100},
          "discount_to": {"cut_to_price": 100, "max_price": 10},
          "coupon_name": "满100减10",
          "status": "USED",
          "description": "全场可用",
          "create_time": "2026-05-20T13:29:35.120+08:00",
          "coupon_type": "NORMAL",
          "no_cash": false,
          "available_begin_time": "2026-05-20T13:29:35.120+08:00",
          "available_end_time": "2026-06-20T13:29:35.120+08:00",
          "singleitem": true,
          "normal_coupon_information": {"coupon_amount": 1000, "transaction_minimum": 10000},
          "consume_information": {
            "consume_time": "2026-05-21T09:00:01+08:00",
            "consume_mchid": "9856081",
            "transaction_id": "4200752501201407033233368018",
            "goods_detail": [{"goods_id": "a_goods1", "quantity": 7, "price": 1, "discount_amount": 4}]
          }
        }
        """;
}
