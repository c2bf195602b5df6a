-- An order's payment_status from its money columns, so every writer (payment, refund, Stripe's
-- refund events) derives it the same way. Refunds count from the moment they are reserved; a refund
-- that fails gives its amount back (shop_refund_settle).
CREATE OR REPLACE FUNCTION shop_pay_status(p_paid numeric, p_refunded numeric) RETURNS payment_status
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF p_paid <= 0 THEN
    RETURN 'unpaid';
  ELSIF p_refunded <= 0 THEN
    RETURN 'paid';
  ELSIF p_refunded >= p_paid THEN
    RETURN 'refunded';
  END IF;
  RETURN 'partially_refunded';
END
$$;
